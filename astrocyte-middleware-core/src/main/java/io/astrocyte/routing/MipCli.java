package io.astrocyte.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.astrocyte.ConfigException;
import io.astrocyte.MipRoutingException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator tools for {@code mip.yaml}:
 * <pre>
 * mip lint FILE
 * mip explain FILE --content TEXT [--content-type T] [--source S] [--pii] [--tags a,b]
 *                  [--principal user:alice] [--metadata k=v]... [--signal word_count=12]...
 * </pre>
 * {@code lint} runs every load check and reports unreachable, shadowed and expired rules (exit 0 clean, 1 with
 * findings, 2 when the file does not load). {@code explain} prints, as JSON, which rules matched, which won and why,
 * and the decision; it runs the same router as a live retain (without an LLM: escalations pass through).
 */
public final class MipCli {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private MipCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !List.of("lint", "explain").contains(args[0])) {
            err.println("usage: mip lint FILE | mip explain FILE --content TEXT [--content-type T] [--source S] [--pii]"
                    + " [--tags a,b] [--principal type:id] [--metadata k=v]... [--signal name=number]...");
            return 2;
        }
        MipConfig config;
        try {
            config = MipLoader.withSystemEnvironment().load(Path.of(args[1]));
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (args[0].equals("lint")) {
            List<MipLint.Finding> findings = MipLint.check(config, Clock.systemUTC().instant());
            findings.forEach(f -> out.println("warning: " + f));
            out.println(findings.isEmpty() ? "ok: " + config.rules().size() + " rules, " + config.banks().size()
                    + " banks" : findings.size() + " warning(s)");
            return findings.isEmpty() ? 0 : 1;
        }
        MipInput input;
        try {
            input = input(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            out.println(JSON.writeValueAsString(new MipRouter(config, null, Clock.systemUTC()).explain(input)));
            return 0;
        } catch (MipRoutingException e) {
            err.println("routing error: " + e.getMessage());
            return 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static MipInput input(String[] args) {
        String content = null;
        String contentType = "text";
        String source = null;
        boolean pii = false;
        List<String> tags = new ArrayList<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Double> signals = new LinkedHashMap<>();
        MipInput.Principal principal = null;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--pii")) {
                pii = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--content" -> content = v;
                case "--content-type" -> contentType = v;
                case "--source" -> source = v;
                case "--tags" -> tags.addAll(List.of(v.split(",")));
                case "--principal" -> {
                    io.astrocyte.identity.ActorIdentity actor = io.astrocyte.identity.ActorIdentity.parse(v);
                    String type = actor.type().name().toLowerCase(java.util.Locale.ROOT);
                    principal = new MipInput.Principal(type, actor.id(), null, type.equals("service") ? actor.id() : null);
                }
                case "--metadata" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--metadata takes key=value, got " + v);
                    }
                    metadata.put(v.substring(0, eq), scalar(v.substring(eq + 1)));
                }
                case "--signal" -> {
                    int eq = v.indexOf('=');
                    try {
                        signals.put(v.substring(0, eq), Double.parseDouble(v.substring(eq + 1)));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("--signal takes name=number, got " + v);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (content == null) {
            throw new IllegalArgumentException("--content is required");
        }
        String trimmed = content.trim();
        signals.putIfAbsent("word_count", trimmed.isEmpty() ? 0.0 : (double) trimmed.split("\\s+").length);
        return new MipInput(content, contentType, source, pii, tags, metadata, signals, principal);
    }

    /** {@code 42} and {@code 4.2} are numbers, {@code true}/{@code false} booleans, the rest text. */
    private static Object scalar(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        try {
            return v.contains(".") ? Double.parseDouble(v) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
