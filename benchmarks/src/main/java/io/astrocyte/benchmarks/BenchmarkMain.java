package io.astrocyte.benchmarks;

import io.astrocyte.benchmarks.locomo.LocomoBenchmark;
import io.astrocyte.benchmarks.speed.SpeedBenchmark;
import io.astrocyte.embedded.embedding.LocalEmbedder;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.qdrant.QdrantVectorStore;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar astrocyte-benchmarks.jar locomo|locomo-tune|speed|exact-search|soak|export|lifecycle|governance|server [options]}.
 *
 * <pre>
 * locomo  --data PATH (default ../shared/data/locomo/locomo10.json)  --out DIR (default benchmarks/target/results)
 *         --embedder minilm|bge-small|hashing (default minilm)  --conversations N|A-B  --depth N (default 100)
 *         --reworded-questions S (as for locomo-tune; writes locomo-retrieval-reworded.*)
 * locomo-tune  --data PATH  --embedder minilm|bge-small|hashing  --variants a,b (default: all): recall settings compared on
 *         conversations 1-5 and 6-10 apart, over one index
 *         --long-turns-every N (default 0): a long distractor memory after every N turns (the shape of chats with
 *         long assistant answers)
 *         --worst N (default 0): failure analysis of the N worst multi-hop questions of conversations 1-5 under the
 *         first variant, written to OUT/locomo-multihop-failures.md
 *         --worst-category N (default 1): the same for another category (2 temporal, 3 open-domain, 4 single-hop),
 *         written to OUT/locomo-&lt;category&gt;-failures.md
 *         --reworded-questions S (default 0): in every question, this share (0-1] of the words it shares with its
 *         evidence (names and stop words aside) replaced by the embedder's nearest other word, a stand-in for
 *         questions that paraphrase their evidence
 *         --qdrant-url http://host:6334 (default $ASTROCYTE_QDRANT_URL; adds the astrocyte-qdrant row)
 * speed   --out DIR  --sizes 1000,10000,100000 (real embedder; "none" for no sizes)
 *         --hashing-sizes 1000000 (hashing embedder, default none)  --queries N (default 300)
 *         --retains N (default 2000; 0 skips the retain measurement)  --embedder minilm|bge-small (default minilm)
 * exact-search --out DIR  --sizes 10000 (default 1000,10000)  --queries N (default 1000): the store's exact
 *         dense search against a float-array scan of the same vectors
 * export  --out DIR  --sizes 10000,25000,50000,100000  --repeats N (default 3)  --label NAME (default current)
 * governance --out DIR  --calls 2000  --postgres-url jdbc:postgresql://127.0.0.1:5432/test  --redis-url redis://127.0.0.1:6379
 * server  --out DIR  --server-jar astrocyte-server/target/astrocyte-server.jar  --memories 10000  --seconds 10
 * lifecycle --out DIR  --memories 100000  --repeats 3  --recall-memories 10000  --queries 4000  --embedder hashing|minilm
 * soak    --out DIR  --minutes N (default 10)  --threads N (default 8)  --initial N (default 10000)
 *         --embedder minilm|hashing (default minilm)  --data DIR (default a fresh folder, deleted after)
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("locomo", "locomo-tune", "speed", "exact-search", "soak", "export", "lifecycle", "governance", "server").contains(args[0])) {
            System.err.println("usage: java -jar astrocyte-benchmarks.jar locomo|locomo-tune|speed|exact-search|soak|export|lifecycle|governance|server [--option value ...]");
            System.exit(2);
        }
        Map<String, String> opts = options(args);
        Path out = Path.of(opts.getOrDefault("out", "benchmarks/target/results"));
        String command = "java -jar benchmarks/target/astrocyte-benchmarks.jar " + String.join(" ", args);
        if (args[0].equals("locomo-tune")) {
            try (Embedder embedder = embedder(opts.getOrDefault("embedder", "minilm"))) {
                new io.astrocyte.benchmarks.locomo.LocomoTuning(Path.of(opts.getOrDefault("data",
                        "../shared/data/locomo/locomo10.json")), embedder,
                        io.astrocyte.benchmarks.locomo.LocomoTuning.variants(opts.get("variants")), System.out,
                        Integer.parseInt(opts.getOrDefault("long-turns-every", "0")))
                        .withFailureReport(Integer.parseInt(opts.getOrDefault("worst", "0")),
                                out.resolve(failureReportName(opts.getOrDefault("worst-category", "1"))),
                                Integer.parseInt(opts.getOrDefault("worst-category", "1")))
                        .withRewordedQuestions(Double.parseDouble(opts.getOrDefault("reworded-questions", "0"))).run();
            }
        } else if (args[0].equals("locomo")) {
            String qdrantUrl = opts.getOrDefault("qdrant-url", System.getenv("ASTROCYTE_QDRANT_URL"));
            try (Embedder embedder = embedder(opts.getOrDefault("embedder", "minilm"));
                    VectorStore qdrant = qdrantUrl == null || qdrantUrl.isBlank() ? null : qdrant(qdrantUrl, embedder)) {
                new LocomoBenchmark(new LocomoBenchmark.Options(
                        Path.of(opts.getOrDefault("data", "../shared/data/locomo/locomo10.json")), out, embedder,
                        Integer.parseInt(opts.getOrDefault("depth", "100")),
                        opts.get("conversations"),
                        command, qdrant, Double.parseDouble(opts.getOrDefault("reworded-questions", "0"))),
                        System.out).run();
            }
        } else if (args[0].equals("exact-search")) {
            new io.astrocyte.benchmarks.speed.ExactSearchBenchmark(new io.astrocyte.benchmarks.speed.ExactSearchBenchmark
                    .Options(out, sizes(opts.getOrDefault("sizes", "1000,10000")),
                    Integer.parseInt(opts.getOrDefault("queries", "1000")), command), System.out).run();
        } else if (args[0].equals("export")) {
            new io.astrocyte.benchmarks.export.ExportScaleBenchmark(new io.astrocyte.benchmarks.export
                    .ExportScaleBenchmark.Options(out, sizes(opts.getOrDefault("sizes", "10000,25000,50000,100000")),
                    Integer.parseInt(opts.getOrDefault("repeats", "3")), opts.getOrDefault("label", "current"),
                    command), System.out).run();
        } else if (args[0].equals("server")) {
            new io.astrocyte.benchmarks.server.ServerLoadBenchmark(new io.astrocyte.benchmarks.server.ServerLoadBenchmark
                    .Options(out, Path.of(opts.getOrDefault("server-jar", "astrocyte-server/target/astrocyte-server.jar")),
                    Integer.parseInt(opts.getOrDefault("memories", "10000")),
                    Integer.parseInt(opts.getOrDefault("seconds", "10")), command), System.out).run();
        } else if (args[0].equals("governance")) {
            new io.astrocyte.benchmarks.replicas.SharedGovernanceBenchmark(new io.astrocyte.benchmarks.replicas
                    .SharedGovernanceBenchmark.Options(out, opts.getOrDefault("postgres-url",
                            "jdbc:postgresql://127.0.0.1:5432/test"), opts.getOrDefault("redis-url",
                            "redis://127.0.0.1:6379"), Integer.parseInt(opts.getOrDefault("calls", "2000")), command),
                    System.out).run();
        } else if (args[0].equals("lifecycle")) {
            try (Embedder embedder = embedder(opts.getOrDefault("embedder", "hashing"))) {
                new io.astrocyte.benchmarks.lifecycle.LifecycleBenchmark(new io.astrocyte.benchmarks.lifecycle
                        .LifecycleBenchmark.Options(out, embedder, Integer.parseInt(opts.getOrDefault("memories", "100000")),
                        Integer.parseInt(opts.getOrDefault("repeats", "3")),
                        Integer.parseInt(opts.getOrDefault("recall-memories", "10000")),
                        Integer.parseInt(opts.getOrDefault("queries", "4000")), command), System.out).run();
            }
        } else if (args[0].equals("soak")) {
            Path data = opts.containsKey("data") ? Path.of(opts.get("data"))
                    : java.nio.file.Files.createTempDirectory("astrocyte-soak");
            try (Embedder embedder = embedder(opts.getOrDefault("embedder", "minilm"))) {
                new io.astrocyte.benchmarks.soak.SoakBenchmark(new io.astrocyte.benchmarks.soak.SoakBenchmark.Options(
                        out, data, embedder, Double.parseDouble(opts.getOrDefault("minutes", "10")),
                        Integer.parseInt(opts.getOrDefault("threads", "8")),
                        Integer.parseInt(opts.getOrDefault("initial", "10000")), command), System.out).run();
            } finally {
                if (!opts.containsKey("data")) {
                    Reports.deleteRecursively(data);
                }
            }
        } else {
            new SpeedBenchmark(new SpeedBenchmark.Options(out, sizes(opts.getOrDefault("sizes", "1000,10000,100000")),
                    sizes(opts.getOrDefault("hashing-sizes", "none")),
                    Integer.parseInt(opts.getOrDefault("queries", "300")),
                    Integer.parseInt(opts.getOrDefault("retains", "2000")), command,
                    localModel(opts.getOrDefault("embedder", "minilm"))), System.out).run();
        }
    }

    /** A fresh collection on the Qdrant at {@code url}, so runs never mix. */
    private static VectorStore qdrant(String url, Embedder embedder) {
        java.net.URI u = java.net.URI.create(url);
        return QdrantVectorStore.builder().host(u.getHost()).port(u.getPort() > 0 ? u.getPort() : 6334)
                .tls("https".equalsIgnoreCase(u.getScheme())).apiKey(System.getenv("ASTROCYTE_QDRANT_API_KEY"))
                .collection("locomo_" + System.currentTimeMillis()).dimension(embedder.dimension())
                .embeddingModel(embedder.modelId()).build();
    }

    private static List<Integer> sizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        if (!list.equals("none")) {
            for (String s : list.split(",")) {
                sizes.add(Integer.parseInt(s.trim()));
            }
        }
        return sizes;
    }

    static Embedder embedder(String name) {
        return name.equals("hashing") ? new HashingEmbedder(384)
                : new LocalEmbedder(localModel(name), Runtime.getRuntime().availableProcessors());
    }

    /** The in-process model an {@code --embedder} name stands for. */
    private static LocalEmbedder.LocalModel localModel(String name) {
        return switch (name) {
            case "minilm" -> LocalEmbedder.LocalModel.ALL_MINILM_L6_V2_Q;
            case "bge-small" -> LocalEmbedder.LocalModel.BGE_SMALL_EN_V15_Q;
            default -> throw new IllegalArgumentException("unknown embedder " + name + " (minilm, bge-small, hashing)");
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String failureReportName(String category) {
        String name = io.astrocyte.benchmarks.locomo.LocomoTuning.categoryName(Integer.parseInt(category));
        return "locomo-" + name.replace("multi-hop", "multihop").replace(' ', '-') + "-failures.md";
    }
}
