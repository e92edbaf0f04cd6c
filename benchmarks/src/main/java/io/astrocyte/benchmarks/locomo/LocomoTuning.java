package io.astrocyte.benchmarks.locomo;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ContentType;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.benchmarks.Reports;
import io.astrocyte.config.AccessGrantConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.Embedder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Compares recall settings on LoCoMo without re-indexing: every turn is retained once into one embedded store, then
 * each variant (a configuration change) is built as its own {@link Astrocyte} over that store and asked every
 * question. Scores are reported for conversations 1–5 and 6–10 apart, so a setting is chosen on one half and read
 * on the other (BENCHMARKS.md §3). Not a headline benchmark: the {@code locomo} command is.
 */
public final class LocomoTuning {

    private static final AstrocyteContext CONTEXT = AstrocyteContext.of("service:locomo-tuning");

    /** A named configuration change. */
    /**
     * @param questionTime whether recall is told the question's time ({@code query_reference_date}): the day after
     *                     the conversation's last session, when its questions were asked
     */
    public record Variant(String name, UnaryOperator<AstrocyteConfig> change, boolean questionTime) {

        public Variant(String name, UnaryOperator<AstrocyteConfig> change) {
            this(name, change, false);
        }
    }

    private final Path data;
    private final Embedder embedder;
    private final List<Variant> variants;
    private final PrintStream console;
    private final int longTurnsEvery;
    private int worst;
    private Path worstReport;
    private int worstCategory = 1;
    private double reword;
    private RewordedQuestions reworded;

    public LocomoTuning(Path data, Embedder embedder, List<Variant> variants, PrintStream console) {
        this(data, embedder, variants, console, 0);
    }

    /**
     * @param longTurnsEvery when &gt; 0, after every this many turns a long distractor memory is retained too (see
     *                       {@link #distractor}), so the bank has the shape of chats with long assistant answers
     *                       between short personal turns; 0 for LoCoMo as it is
     */
    public LocomoTuning(Path data, Embedder embedder, List<Variant> variants, PrintStream console, int longTurnsEvery) {
        this.data = data;
        this.embedder = embedder;
        this.variants = variants;
        this.console = console;
        this.longTurnsEvery = longTurnsEvery;
    }

    /**
     * Also writes the failure analysis of the {@code n} worst multi-hop questions of half A (the tuning half) under the
     * first variant to {@code report} (see {@link MultiHopFailures}).
     */
    public LocomoTuning withFailureReport(int n, Path report) {
        this.worst = n;
        this.worstReport = report;
        this.worstCategory = 1;
        return this;
    }

    /**
     * Asks every question reworded ({@link RewordedQuestions}): this share of the words it shares with its evidence,
     * names and stop words aside, replaced by the embedder's nearest other word (0 asks them as they are).
     */
    public LocomoTuning withRewordedQuestions(double reword) {
        this.reword = reword;
        return this;
    }

    /** LoCoMo's name for a question category ({@code multi-hop}, {@code temporal}, ...). */
    public static String categoryName(int category) {
        return MultiHopFailures.categoryName(category);
    }

    /** The same analysis for the questions of another LoCoMo category (1 multi-hop, 2 temporal, 3 open-domain, 4 single-hop). */
    public LocomoTuning withFailureReport(int n, Path report, int category) {
        withFailureReport(n, report);
        this.worstCategory = category;
        return this;
    }

    /**
     * The {@code k}-th long distractor for conversation {@code c}: ten consecutive turns of the next conversation
     * without their speaker names, as one memory of about 1,000-2,000 characters. It shares the everyday vocabulary
     * of the questions but is never evidence, like a long answer that mentions everything.
     */
    static String distractor(List<LocomoDataset.Conversation> all, int c, int k) {
        List<LocomoDataset.Turn> other = all.get((c + 1) % all.size()).turns();
        StringBuilder text = new StringBuilder();
        int start = (k * 10) % Math.max(1, other.size() - 10);
        for (int i = start; i < Math.min(other.size(), start + 10); i++) {
            LocomoDataset.Turn t = other.get(i);
            String body = t.text().startsWith(t.speaker() + ": ") ? t.text().substring(t.speaker().length() + 2)
                    : t.text();
            text.append(text.length() == 0 ? "" : " ").append(body);
        }
        return text.toString();
    }

    /** The built-in variants named (comma-separated), or all of them. */
    public static List<Variant> variants(String names) {
        return TuningVariants.named(names);
    }

    static AstrocyteConfig base() {
        return AstrocyteConfig.defaultConfig().withAccessGrants(List.of(new AccessGrantConfig("*",
                CONTEXT.principal(), List.of("read", "write", "forget", "admin"))));
    }

    /** Runs every variant; returns variant → half → metric → mean. */
    public Map<String, Map<String, Map<String, Double>>> run() throws IOException {
        List<LocomoDataset.Conversation> conversations = LocomoDataset.load(data);
        if (reword > 0) {
            reworded = RewordedQuestions.of(conversations, embedder, reword);
            console.println(reworded.summary());
        }
        Path work = Files.createTempDirectory("astrocyte-tuning-");
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        try (LuceneVectorStore store = LuceneVectorStore.open(work, embedder.dimension(), embedder.modelId())) {
            Astrocyte indexer = Astrocyte.builder().vectorStore(store).embedder(embedder)
                    .governanceStore(new io.astrocyte.store.memory.InMemoryGovernanceStore())
                    .clock(AstrocyteSystem.anchoredClock()).config(base()).build();
            int distractors = 0;
            for (int ci = 0; ci < conversations.size(); ci++) {
                LocomoDataset.Conversation c = conversations.get(ci);
                int n = 0;
                for (LocomoDataset.Turn t : c.turns()) {
                    indexer.retain(RetainRequest.builder(c.sampleId(), t.text()).contentType(ContentType.CONVERSATION)
                            .occurredAt(t.occurredAt()).metadata(Map.of("dia_id", t.diaId(), "session", t.session(),
                                    "speaker", t.speaker(), "sample_id", c.sampleId())).build(), CONTEXT);
                    if (longTurnsEvery > 0 && ++n % longTurnsEvery == 0) {
                        indexer.retain(RetainRequest.builder(c.sampleId(), distractor(conversations, ci, n))
                                .contentType(ContentType.CONVERSATION).occurredAt(t.occurredAt())
                                .metadata(Map.of("dia_id", "X:" + n, "session", t.session(), "speaker", "assistant",
                                        "sample_id", c.sampleId())).build(), CONTEXT);
                        distractors++;
                    }
                }
            }
            console.printf("indexed %d conversations, %d long distractor memories%n", conversations.size(),
                    distractors);
            for (Variant v : variants) {
                Astrocyte brain = brain(store, v);
                Map<String, List<Map<String, Double>>> scores = new LinkedHashMap<>();
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < conversations.size(); i++) {
                    String half = i < conversations.size() / 2 ? "A" : "B";
                    LocomoDataset.Conversation c = conversations.get(i);
                    for (LocomoDataset.Question q : c.questions()) {
                        if (q.evidence().isEmpty() || q.category() < 1 || q.category() > 4) {
                            continue;
                        }
                        long start = System.nanoTime();
                        List<RetrievalSystem.Ranked> ranking = ranking(brain, c, text(q), v.questionTime());
                        millis.add((System.nanoTime() - start) / 1e6);
                        Map<String, Double> s = new LinkedHashMap<>(QuestionScore.score(q.evidence(), ranking));
                        if (q.category() == 1) {
                            s.put("multi-hop all@10", s.get("all@10"));
                        }
                        scores.computeIfAbsent(half, h -> new ArrayList<>()).add(s);
                    }
                }
                Map<String, Map<String, Double>> halves = new LinkedHashMap<>();
                scores.forEach((half, list) -> halves.put(half, mean(list)));
                out.put(v.name(), halves);
                console.printf("%-28s A: R@10 %.3f R@2048tok %.3f MH All@10 %.3f | B: R@10 %.3f R@2048tok %.3f MH"
                        + " All@10 %.3f | p50 %.1f ms%n", v.name(), get(halves, "A", "r@10"),
                        get(halves, "A", "r@2048tok"), get(halves, "A", "multi-hop all@10"), get(halves, "B", "r@10"),
                        get(halves, "B", "r@2048tok"), get(halves, "B", "multi-hop all@10"),
                        io.astrocyte.benchmarks.Stats.percentile(millis, 50));
            }
            if (worst > 0 && !variants.isEmpty()) {
                failures(store, conversations);
            }
            indexer.close();
        } finally {
            Reports.deleteRecursively(work);
        }
        return out;
    }

    private String text(LocomoDataset.Question q) {
        return reworded == null ? q.text() : reworded.text(q);
    }

    private static List<RetrievalSystem.Ranked> ranking(Astrocyte brain, LocomoDataset.Conversation c,
            String question, boolean questionTime) {
        List<RetrievalSystem.Ranked> ranking = new ArrayList<>();
        RecallRequest.Builder request = RecallRequest.builder(question).bankId(c.sampleId()).maxResults(100);
        if (questionTime) {
            request.queryReferenceDate(c.questionTime());
        }
        for (MemoryHit h : brain.recall(request.build(), CONTEXT).hits()) {
            ranking.add(new RetrievalSystem.Ranked((String) h.metadata().get("dia_id"), h.text(), c.sampleId()));
        }
        return ranking;
    }

    private Astrocyte brain(LuceneVectorStore store, Variant v) {
        return Astrocyte.builder().vectorStore(store).embedder(embedder)
                .governanceStore(new io.astrocyte.store.memory.InMemoryGovernanceStore())
                .clock(AstrocyteSystem.anchoredClock()).config(v.change().apply(base())).build();
    }

    private void failures(LuceneVectorStore store, List<LocomoDataset.Conversation> conversations) throws IOException {
        Variant chosen = variants.get(0);
        MultiHopFailures report = new MultiHopFailures();
        Astrocyte brain = brain(store, chosen);
        Astrocyte dense = brain(store, TuningVariants.arms("dense-only", 1.0, 0.0));
        Astrocyte keyword = brain(store, TuningVariants.arms("keyword-only", 0.0, 1.0));
        for (int i = 0; i < conversations.size() / 2; i++) {
            LocomoDataset.Conversation c = conversations.get(i);
            for (int qi = 0; qi < c.questions().size(); qi++) {
                LocomoDataset.Question q = c.questions().get(qi);
                if (q.category() == worstCategory && !q.evidence().isEmpty()) {
                    report.add(c.sampleId(), qi, q, c, ranking(brain, c, text(q), chosen.questionTime()),
                            ranking(dense, c, text(q), false), ranking(keyword, c, text(q), false));
                }
            }
        }
        String text = report.report(worst, "A (conversations 1-" + conversations.size() / 2 + ")", chosen.name(),
                MultiHopFailures.categoryName(worstCategory));
        if (worstReport.getParent() != null) {
            Files.createDirectories(worstReport.getParent());
        }
        Files.writeString(worstReport, text);
        console.println(text.substring(0, text.indexOf("| question")));
    }

    private static double get(Map<String, Map<String, Double>> halves, String half, String metric) {
        return halves.getOrDefault(half, Map.of()).getOrDefault(metric, Double.NaN);
    }

    /** Means over questions; the multi-hop metric over multi-hop questions only. */
    private static Map<String, Double> mean(List<Map<String, Double>> scores) {
        Map<String, Double> sum = new LinkedHashMap<>();
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Map<String, Double> s : scores) {
            s.forEach((k, v) -> {
                sum.merge(k, v, Double::sum);
                n.merge(k, 1, Integer::sum);
            });
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sum.forEach((k, v) -> out.put(k, v / n.get(k)));
        return out;
    }
}
