package io.astrocyte.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts a class's {@code main} in a separate JVM, the way an application launched with
 * {@code java -cp <jars> Main} runs, and reads what it prints without ever blocking for longer than a
 * deadline. Native code can kill a JVM without a word (a segfault gives exit code 139 and no stack
 * trace), so tests of native components and of crash recovery run their subject here.
 *
 * <p>{@link Builder#classpathAtLeast(int)} pads the class path with entries that do not exist, so a test
 * can reproduce the long command lines of IDE, Gradle and {@code mvn spring-boot:run} launches.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String END = "\u0000end-of-output";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final int classpathLength;
    private boolean ended;

    private ChildJvm(Process process, int classpathLength) {
        this.process = process;
        this.classpathLength = classpathLength;
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("[child output unreadable: " + e.getMessage() + "]");
            } finally {
                lines.add(END);
            }
        }, "child-jvm-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** A child JVM running {@code mainClass} on this JVM's class path. */
    public static Builder main(Class<?> mainClass) {
        return new Builder(mainClass.getName());
    }

    /** A child JVM running the named main class (for classes the test does not compile against). */
    public static Builder main(String mainClass) {
        return new Builder(mainClass);
    }

    /** Length in characters of the class path the child was started with. */
    public int classpathLength() {
        return classpathLength;
    }

    /**
     * The next line the child printed (stdout and stderr merged), or {@code null} once it closed its
     * output. Throws {@link AssertionError} when nothing arrives within {@code timeout}: a hung child
     * fails the test instead of hanging the build.
     */
    public String nextLine(Duration timeout) throws InterruptedException {
        if (ended) {
            return null;
        }
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("child JVM printed nothing for " + timeout + "; output so far:\n" + output());
        }
        if (line.equals(END)) {
            ended = true;
            return null;
        }
        seen.add(line);
        return line;
    }

    /** Everything read so far, one line each. */
    public String output() {
        return String.join("\n", seen);
    }

    /** Sends SIGKILL (on Unix): no shutdown hooks, no finalizers, no buffered writes flushed. */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Reads the rest of the output and waits for the child to exit; kills it and fails when that takes
     * longer than {@code timeout}. Returns the exit code.
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                kill();
                throw new AssertionError("child JVM still running after " + timeout + "; output:\n" + output());
            }
            nextLine(Duration.ofNanos(left));
        }
        if (!process.waitFor(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("child JVM closed its output but did not exit within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** How to start the child. */
    public static final class Builder {
        private final String mainClass;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private String classpath = System.getProperty("java.class.path");
        private int minClasspathLength;

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        public Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        public Builder jvmOptions(String... values) {
            jvmOptions.addAll(List.of(values));
            return this;
        }

        public Builder classpath(String value) {
            this.classpath = value;
            return this;
        }

        /** Pads the class path with non-existent entries until it has at least {@code chars} characters. */
        public Builder classpathAtLeast(int chars) {
            this.minClasspathLength = chars;
            return this;
        }

        public ChildJvm start() throws IOException {
            StringBuilder cp = new StringBuilder(classpath);
            for (int i = 0; cp.length() < minClasspathLength; i++) {
                cp.append(File.pathSeparatorChar).append("/nonexistent/astrocyte-test-padding/entry-")
                        .append(i).append("/library.jar");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            // On the command line, not in an @argfile or a JAR manifest: that is what the launches
            // this helper reproduces do.
            command.add("-cp");
            command.add(cp.toString());
            command.add(mainClass);
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            return new ChildJvm(process, cp.length());
        }
    }
}
