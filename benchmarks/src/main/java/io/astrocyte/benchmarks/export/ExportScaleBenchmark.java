package io.astrocyte.benchmarks.export;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.config.AccessGrantConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long exporting a whole bank of the embedded store takes as the bank grows: with offset paging each
 * page re-sorts everything before it (quadratic), with cursor paging each page starts where the last one
 * ended (linear). Memories are written straight to the store with feature-hashing vectors (384-d), so the
 * fill is quick and the export itself is what is timed: the AMA lines go to a stream that discards them.
 * Each size is exported once untimed (warm-up), then {@code repeats} times; the median is reported, with milliseconds per 1,000
 * memories, which stays flat when the cost is linear.
 */
public final class ExportScaleBenchmark {

    /** Settings of one run; {@code label} names the code measured (e.g. before or after a change). */
    public record Options(Path out, List<Integer> sizes, int repeats, String label, String command) {
    }

    private static final AstrocyteContext ADMIN = AstrocyteContext.of("service:exporter");

    private final Options options;
    private final PrintStream log;

    public ExportScaleBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public void run() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        HashingEmbedder embedder = new HashingEmbedder(384);
        for (int size : options.sizes()) {
            Path dir = Files.createTempDirectory("astrocyte-export-scale");
            try (LuceneVectorStore store = LuceneVectorStore.open(dir, embedder.dimension(), embedder.modelId())) {
                fill(store, embedder, size);
                AstrocyteConfig config = AstrocyteConfig.defaultConfig().withAccessGrants(List.of(
                        new AccessGrantConfig("*", ADMIN.principal(), List.of("read", "admin"))));
                try (Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(embedder)
                        .governanceStore(new InMemoryGovernanceStore()).config(config).build()) {
                    // one untimed export first, so the JIT has compiled the path before it is measured
                    brain.exportBank(ExportRequest.of("bank"), OutputStream.nullOutputStream(), ADMIN);
                    List<Double> millis = new ArrayList<>();
                    long exported = 0;
                    for (int r = 0; r < options.repeats(); r++) {
                        long start = System.nanoTime();
                        exported = brain.exportBank(ExportRequest.of("bank"), OutputStream.nullOutputStream(), ADMIN);
                        millis.add((System.nanoTime() - start) / 1e6);
                    }
                    double median = Stats.percentile(millis, 50);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("memories", size);
                    row.put("exported", exported);
                    row.put("median_ms", Stats.round(median, 1));
                    row.put("ms_per_1000", Stats.round(median / size * 1000, 2));
                    row.put("runs_ms", millis.stream().map(m -> Stats.round(m, 1)).toList());
                    rows.add(row);
                    log.printf("export %,d memories: median %.1f ms (%.2f ms per 1,000)%n", size, median,
                            median / size * 1000);
                }
            } finally {
                Reports.deleteRecursively(dir);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "export-scale");
        report.put("label", options.label());
        report.put("command", options.command());
        report.put("repeats", options.repeats());
        report.put("rows", rows);
        report.put("environment", Reports.environment());
        String name = "export-scale-" + options.label();
        Reports.writeJson(options.out().resolve(name + ".json"), report);
        StringBuilder md = new StringBuilder("# Export of one bank, embedded store (" + options.label() + ")\n\n`"
                + options.command() + "`\n\n| memories | median ms | ms per 1,000 |\n|---:|---:|---:|\n");
        for (Map<String, Object> row : rows) {
            md.append(String.format("| %,d | %s | %s |%n", (Integer) row.get("memories"), row.get("median_ms"),
                    row.get("ms_per_1000")));
        }
        Files.writeString(options.out().resolve(name + ".md"), md.toString());
    }

    private static void fill(LuceneVectorStore store, HashingEmbedder embedder, int size) {
        Instant t0 = Instant.parse("2026-06-01T00:00:00Z");
        List<VectorItem> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String text = "memory " + i + " about topic " + (i % 97) + " and a detail numbered " + (i * 7919 % 10007);
            // runs of ten share a retained_at, as a batch of chunks from one retain does
            batch.add(new VectorItem("m" + i, "bank", embedder.embed(text), text, Map.of("n", i), List.of("t" + (i % 5)),
                    null, null, "fact", t0.plusMillis(i / 10), "m" + i + "#0", "bench", null));
            if (batch.size() == 1000) {
                store.storeVectors(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.storeVectors(batch);
        }
    }
}
