package io.astrocyte.benchmarks.locomo;

import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LoCoMo turn-level evidence retrieval (BENCHMARKS.md §1): every system indexes every turn and ranks
 * turns for every question, all in one JVM with one embedder; metrics per category, overall over
 * categories 1–4, and adversarial (category 5) apart.
 */
public final class LocomoBenchmark {

    static final Map<Integer, String> CATEGORIES = Map.of(1, "multi-hop", 2, "temporal", 3, "open-domain",
            4, "single-hop", 5, "adversarial");

    /**
     * @param conversations which conversations: {@code N} (the first N), {@code A-B} (1-based, inclusive, e.g.
     *                      {@code 6-10} for the second half), or {@code null} for all
     * @param command       the command line that produced the run, recorded in the output
     * @param qdrant        the store of the {@code astrocyte-qdrant} row (a fresh collection on a reachable server),
     *                      or {@code null} to skip that row and say so
     * @param reworded      the share of the words each question shares with its evidence to reword
     *                      ({@link RewordedQuestions}; 0 asks the questions as they are). The files are then named
     *                      {@code locomo-retrieval-reworded.*}
     */
    public record Options(Path data, Path out, Embedder embedder, int depth, String conversations, String command,
            VectorStore qdrant, double reworded) {

        public Options(Path data, Path out, Embedder embedder, int depth, String conversations, String command,
                VectorStore qdrant) {
            this(data, out, embedder, depth, conversations, command, qdrant, 0);
        }
    }

    /** The conversations a {@code --conversations} value selects. */
    static <T> List<T> select(List<T> all, String spec) {
        if (spec == null || spec.isBlank()) {
            return all;
        }
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("(\\d+)-(\\d+)").matcher(spec.trim());
        if (range.matches()) {
            int from = Integer.parseInt(range.group(1));
            int to = Math.min(all.size(), Integer.parseInt(range.group(2)));
            if (from < 1 || from > to) {
                throw new IllegalArgumentException("--conversations " + spec + ": want A-B with 1 <= A <= B");
            }
            return all.subList(from - 1, to);
        }
        return all.subList(0, Math.min(all.size(), Integer.parseInt(spec.trim())));
    }

    private final Options options;
    private final PrintStream console;

    public LocomoBenchmark(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    /** Runs the benchmark, writes {@code locomo-retrieval.json} and {@code .md}, and returns the JSON tree. */
    public Map<String, Object> run() throws IOException {
        List<LocomoDataset.Conversation> conversations = LocomoDataset.load(options.data());
        // reworded from the whole dataset's vocabulary, so a half's questions read as in locomo-tune
        RewordedQuestions reworded = options.reworded() > 0
                ? RewordedQuestions.of(conversations, options.embedder(), options.reworded()) : null;
        if (reworded != null) {
            console.println(reworded.summary());
        }
        conversations = select(conversations, options.conversations());
        Files.createDirectories(options.out());
        Path work = Files.createTempDirectory("astrocyte-locomo-"); // never under --out, which is committed
        Bm25Baseline bm25 = new Bm25Baseline();
        DenseLangChain4jBaseline lc4j = new DenseLangChain4jBaseline(options.embedder());
        List<RetrievalSystem> systems = new ArrayList<>(List.of(bm25, lc4j, new DenseSpringAiBaseline(options.embedder()),
                new NaiveRrfBaseline(bm25, lc4j), AstrocyteSystem.embedded(options.embedder(), work.resolve("astrocyte"))));
        if (options.qdrant() != null) {
            systems.add(new AstrocyteSystem(QDRANT_ROW, options.embedder(), options.qdrant()));
        }
        Map<String, SystemRun> runs = new LinkedHashMap<>();
        try {
            for (RetrievalSystem s : systems) {
                runs.put(s.name(), new SystemRun());
            }
            int turns = 0;
            for (LocomoDataset.Conversation c : conversations) {
                for (LocomoDataset.Turn t : c.turns()) {
                    turns++;
                    for (RetrievalSystem s : systems) {
                        long start = System.nanoTime();
                        try {
                            s.index(c, t);
                        } catch (RuntimeException refused) {
                            // A refusal (oversized turn, PII rejected, …) is behaviour to report, not a crash.
                            runs.get(s.name()).refused(t.diaId(), refused);
                        }
                        runs.get(s.name()).retainMs.add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
            console.printf("indexed %d turns of %d conversations into %d systems%n", turns, conversations.size(),
                    systems.size());
            for (LocomoDataset.Conversation c : conversations) {
                for (LocomoDataset.Question q : c.questions()) {
                    if (q.evidence().isEmpty() || !CATEGORIES.containsKey(q.category())) {
                        continue;
                    }
                    for (RetrievalSystem s : systems) {
                        long start = System.nanoTime();
                        List<RetrievalSystem.Ranked> ranking = s.search(c,
                                reworded == null ? q.text() : reworded.text(q), options.depth());
                        SystemRun run = runs.get(s.name());
                        run.recallMs.add((System.nanoTime() - start) / 1e6);
                        run.leaks += ranking.stream().filter(r -> r.sampleId() != null
                                && !r.sampleId().equals(c.sampleId())).count();
                        run.add(q.category(), QuestionScore.score(q.evidence(), ranking));
                    }
                }
            }
            for (RetrievalSystem s : systems) {
                runs.get(s.name()).notes.putAll(s.notes());
            }
        } finally {
            for (RetrievalSystem s : systems) {
                s.close();
            }
            Reports.deleteRecursively(work);
        }
        Map<String, Object> report = report(runs);
        String name = reworded == null ? "locomo-retrieval" : "locomo-retrieval-reworded";
        Reports.writeJson(options.out().resolve(name + ".json"), report);
        String table = table(runs);
        Files.writeString(options.out().resolve(name + ".md"), table);
        console.println(table);
        return report;
    }

    private Map<String, Object> report(Map<String, SystemRun> runs) {
        Map<String, Object> root = new LinkedHashMap<>();
        SystemRun any = runs.values().iterator().next();
        root.put("dataset", options.data().toString());
        root.put("conversations", options.conversations() == null ? "all" : options.conversations());
        if (options.reworded() > 0) {
            root.put("reworded_questions", options.reworded());
        }
        root.put("questions", any.headline().size());
        root.put("adversarial_questions", any.byCategory.getOrDefault(5, List.of()).size());
        root.put("embedder", options.embedder().modelId());
        root.put("depth", options.depth());
        root.put("command", options.command());
        root.put("environment", Reports.environment());
        Map<String, Object> systems = new LinkedHashMap<>();
        for (Map.Entry<String, SystemRun> e : runs.entrySet()) {
            SystemRun r = e.getValue();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("overall", mean(r.headline()));
            Map<String, Object> byCategory = new LinkedHashMap<>();
            for (int cat = 1; cat <= 4; cat++) {
                byCategory.put(CATEGORIES.get(cat), mean(r.byCategory.getOrDefault(cat, List.of())));
            }
            s.put("by_category", byCategory);
            s.put("adversarial", mean(r.byCategory.getOrDefault(5, List.of())));
            s.put("refused_retains", r.refusedTurns.size());
            s.put("refusals", r.refusals);
            if (!r.refusedTurns.isEmpty()) {
                s.put("refused_turns", r.refusedTurns);
            }
            s.put("retain_ms_p50", Stats.round(Stats.percentile(r.retainMs, 50), 3));
            s.put("recall_ms_p50", Stats.round(Stats.percentile(r.recallMs, 50), 3));
            s.put("recall_ms_p95", Stats.round(Stats.percentile(r.recallMs, 95), 3));
            s.put("leaks", r.leaks);
            s.putAll(r.notes);
            systems.put(e.getKey(), s);
        }
        root.put("systems", systems);
        root.put("skipped", options.qdrant() != null ? Map.of() : Map.of(QDRANT_ROW, QDRANT_SKIPPED));
        return root;
    }

    private static Map<String, Double> mean(List<Map<String, Double>> scores) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (Map<String, Double> s : scores) {
            s.forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sum.forEach((k, v) -> out.put(k, Stats.round(v / scores.size(), 4)));
        return out;
    }

    static final String QDRANT_ROW = "astrocyte-qdrant";
    static final String QDRANT_SKIPPED = "no Qdrant server given: pass --qdrant-url http://host:6334 (or set "
            + "ASTROCYTE_QDRANT_URL) to include this row";

    private String table(Map<String, SystemRun> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("LoCoMo retrieval").append(options.conversations() == null ? ""
                : ", conversations " + options.conversations()).append(", categories 1-4 (").append(runs.values().iterator().next().headline().size())
                .append(" questions), embedder ").append(options.embedder().modelId()).append("\n\n");
        sb.append("| system | R@1 | R@5 | R@10 | R@50 | All@10 | Hit@10 | MRR | nDCG@10 | R@1024tok | R@2048tok "
                + "| multi-hop All@10 | temporal R@10 | open-domain R@10 | single-hop R@10 | adversarial R@10 "
                + "| recall p50 ms | leaks | refused retains |\n");
        sb.append("|---".repeat(19)).append("|\n");
        for (Map.Entry<String, SystemRun> e : runs.entrySet()) {
            SystemRun r = e.getValue();
            Map<String, Double> o = mean(r.headline());
            sb.append("| ").append(e.getKey());
            for (String k : List.of("r@1", "r@5", "r@10", "r@50", "all@10", "hit@10", "mrr", "ndcg@10", "r@1024tok",
                    "r@2048tok")) {
                sb.append(String.format(" | %.3f", o.getOrDefault(k, 0.0)));
            }
            sb.append(String.format(" | %.3f", mean(r.byCategory.getOrDefault(1, List.of())).getOrDefault("all@10", 0.0)));
            for (int cat : new int[] {2, 3, 4, 5}) {
                sb.append(String.format(" | %.3f",
                        mean(r.byCategory.getOrDefault(cat, List.of())).getOrDefault("r@10", 0.0)));
            }
            sb.append(String.format(" | %.2f | %d | %d |%n", Stats.percentile(r.recallMs, 50), r.leaks,
                    r.refusedTurns.size()));
        }
        if (options.qdrant() == null) {
            sb.append("\n").append(QDRANT_ROW).append(": skipped, ").append(QDRANT_SKIPPED).append('\n');
        }
        return sb.toString();
    }

    /** What one system accumulated. */
    private static final class SystemRun {
        final List<Double> retainMs = new ArrayList<>();
        final List<Double> recallMs = new ArrayList<>();
        final Map<Integer, List<Map<String, Double>>> byCategory = new LinkedHashMap<>();
        long leaks;
        final Map<String, Object> notes = new LinkedHashMap<>();
        final List<String> refusedTurns = new ArrayList<>();
        final Map<String, Integer> refusals = new java.util.TreeMap<>();

        void refused(String diaId, RuntimeException e) {
            refusedTurns.add(diaId);
            String reason = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            refusals.merge(reason.length() > 160 ? reason.substring(0, 160) + "…" : reason, 1, Integer::sum);
        }

        void add(int category, Map<String, Double> score) {
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(score);
        }

        List<Map<String, Double>> headline() {
            List<Map<String, Double>> all = new ArrayList<>();
            for (int cat = 1; cat <= 4; cat++) {
                all.addAll(byCategory.getOrDefault(cat, List.of()));
            }
            return all;
        }
    }
}
