package io.astrocyte.benchmarks.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.benchmarks.speed.SyntheticText;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memory server under load (issue 21): the server jar in its own JVM on loopback with 10,000 memories, and
 * {@code /v1/recall} called from 1, 8 and 32 client threads (each its own HTTP client, so its own connection) for a
 * fixed time; then the same recalls through the library in-process, on the same kind of store and embedder. Both
 * use the embedded Lucene store and the feature-hashing embedder, so the difference is the HTTP layer.
 */
public final class ServerLoadBenchmark {

    /** Settings of one run. */
    public record Options(Path out, Path serverJar, int memories, int seconds, String command) {
    }

    private static final String KEY = "bench-key";
    private static final AstrocyteContext USER = AstrocyteContext.of("user:bench");
    private static final List<Integer> THREADS = List.of(1, 8, 32);

    private final Options options;
    private final PrintStream log;

    public ServerLoadBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public void run() throws Exception {
        SyntheticText text = new SyntheticText(5);
        List<String> memories = text.sentences(options.memories());
        List<String> questions = text.questions(2000);
        List<Map<String, Object>> rows = new ArrayList<>();
        Path serverData = Files.createTempDirectory("astrocyte-server-bench");
        Path libraryData = Files.createTempDirectory("astrocyte-library-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("java", "-Xmx2g", "-jar", options.serverJar().toString(),
                "--server.port=" + port, "--memory-server.per-ip-requests-per-minute=0", "--memory-server.access-log=false",
                "--astrocyte.data-dir=" + serverData, "--astrocyte.embedding-provider=hashing",
                "--memory-server.api-keys[0].sha256=" + sha256(KEY), "--memory-server.api-keys[0].principal=user:bench",
                "--astrocyte.signal-quality.dedup.enabled=false")
                .redirectErrorStream(true).redirectOutput(serverData.resolve("server.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            await(base);
            seed(base, memories);
            for (int threads : THREADS) {
                rows.add(load("server /v1/recall", threads, questions, i -> post(base, questions.get(i))));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(libraryData).embedder(new HashingEmbedder(384))
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                        "signal_quality", Map.of("dedup", Map.of("enabled", false))))).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (String m : memories) {
                fs.add(pool.submit(() -> brain.retain(RetainRequest.of("user-bench", m), USER)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            for (int threads : THREADS) {
                rows.add(load("library in-process", threads, questions, i -> {
                    brain.recall(RecallRequest.of("user-bench", questions.get(i)), USER);
                    return 200;
                }));
            }
        } finally {
            Reports.deleteRecursively(serverData);
            Reports.deleteRecursively(libraryData);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "server-load");
        report.put("command", options.command());
        report.put("memories", options.memories());
        report.put("seconds_per_row", options.seconds());
        report.put("rows", rows);
        report.put("environment", Reports.environment());
        Reports.writeJson(options.out().resolve("server-load.json"), report);
        StringBuilder md = new StringBuilder("# Memory server under load\n\n`" + options.command() + "`\n\n"
                + "| path | client threads | recalls/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> r : rows) {
            md.append(String.format("| %s | %s | %s | %s | %s | %s |%n", r.get("path"), r.get("threads"),
                    r.get("throughput_per_s"), r.get("p50_ms"), r.get("p99_ms"), r.get("errors")));
        }
        Files.writeString(options.out().resolve("server-load.md"), md.toString());
    }

    @FunctionalInterface
    private interface Call {
        int run(int index) throws Exception;
    }

    private Map<String, Object> load(String path, int threads, List<String> questions, Call call) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(options.seconds()).toNanos();
        List<Double> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 61;
            running.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        if (call.run(i++ % questions.size()) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    samples.add((System.nanoTime() - s) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", path);
        row.put("threads", threads);
        row.put("calls", copy.size());
        row.put("throughput_per_s", Stats.round(copy.size() / seconds, 1));
        row.put("p50_ms", Stats.round(Stats.percentile(copy, 50), 3));
        row.put("p99_ms", Stats.round(Stats.percentile(copy, 99), 3));
        row.put("errors", errors.get());
        log.printf("%s, %d threads: %.1f recalls/s, p50 %.3f ms, p99 %.3f ms, %d errors%n", path, threads,
                copy.size() / seconds, Stats.percentile(copy, 50), Stats.percentile(copy, 99), errors.get());
        return row;
    }

    private static final ThreadLocal<HttpClient> CLIENT = ThreadLocal.withInitial(HttpClient::newHttpClient);

    private static int post(String base, String question) throws Exception {
        String body = "{\"bank_id\":\"user-bench\",\"query\":" + quote(question) + "}";
        return CLIENT.get().send(HttpRequest.newBuilder(URI.create(base + "/v1/recall")).header("X-Api-Key", KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void seed(String base, List<String> memories) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> fs = new ArrayList<>();
        for (String m : memories) {
            fs.add(pool.submit(() -> CLIENT.get().send(HttpRequest.newBuilder(URI.create(base + "/v1/retain"))
                    .header("X-Api-Key", KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bank_id\":\"user-bench\",\"content\":" + quote(m) + "}"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> f : fs) {
            if (f.get() != 200) {
                throw new IllegalStateException("seeding the server failed with HTTP " + f.get());
            }
        }
        pool.shutdown();
    }

    private static void await(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (CLIENT.get().send(HttpRequest.newBuilder(URI.create(base + "/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the server did not start within 90 s");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
