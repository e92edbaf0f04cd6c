package io.astrocyte.samples.quickstart;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ContentType;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.HistoryResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RecallTrace;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quickstart: retains a short conversation into Alice's bank on the embedded default (Lucene in a
 * data folder, MiniLM in-process, no network), recalls with a visible trace, reflects with citations,
 * forgets one memory and shows {@code history} as of a moment before the forget. Run it twice: the
 * second run finds the memories persisted and the forgotten one still absent from recall but present in
 * history.
 *
 * <p>Usage: {@code java -jar astrocyte-quickstart.jar [--data DIR]} (default {@code ./astrocyte-data}).
 */
public final class Quickstart {

    static final String BANK = "user-alice";
    static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    static final String PHONE_TURN = "Alice: My old phone number was +351 912 345 678, but I changed it.";

    private static final List<String> CONVERSATION = List.of(
            "Alice: Hi! I moved to Lisbon last month for a new job.",
            "Assistant: Welcome to Lisbon! How are you settling in?",
            "Alice: Really well. I adopted a cat called Miso; she is two years old.",
            "Alice: I drink oat-milk flat whites, never regular milk.",
            "Alice: Please always show me things in dark mode.",
            PHONE_TURN);

    private final PrintStream out;

    Quickstart(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length == 2 && args[0].equals("--data") ? args[1] : "astrocyte-data");
        new Quickstart(System.out).run(data);
    }

    void run(Path data) {
        out.println("Astrocyte quickstart: data folder " + data.toAbsolutePath().normalize());
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(data).build()) {
            out.println("Store: " + brain.vectorStore().name() + ", embedder: " + brain.embedder().modelId()
                    + " (in-process), LLM: " + brain.llm().map(l -> l.name()).orElse("none (extractive reflect)"));
            long existing = brain.memoryCount(BANK, ALICE);
            if (existing == 0) {
                firstRun(brain);
            } else {
                out.println();
                out.println("== Found " + existing + " memories in bank " + BANK
                        + " from an earlier run: they persisted on disk ==");
                ask(brain);
                showForgottenInHistory(brain);
            }
            out.println();
            out.println("Run the same command again: the memories are still there. Delete " + data
                    + " to start over.");
        }
    }

    private void firstRun(Astrocyte brain) {
        section("1. retain: a short conversation, one memory per turn");
        Instant start = Instant.parse("2026-11-20T18:00:00Z");
        String phoneId = null;
        for (int i = 0; i < CONVERSATION.size(); i++) {
            String turn = CONVERSATION.get(i);
            RetainResult r = brain.retain(RetainRequest.builder(BANK, turn).contentType(ContentType.CONVERSATION)
                    .occurredAt(start.plusSeconds(60L * i)).tags("onboarding")
                    .metadata(Map.of("session_id", "s1", "speaker", turn.substring(0, turn.indexOf(':'))))
                    .source("quickstart").build(), ALICE);
            out.printf("  stored=%s id=%s  %s%n", r.stored(), r.memoryId(), turn);
            if (turn.equals(PHONE_TURN)) {
                phoneId = r.memoryId();
            }
        }
        String phoneMemoryId = phoneId;
        brain.recall(RecallRequest.of(BANK, "old phone number"), ALICE).hits().stream()
                .filter(h -> h.memoryId().equals(phoneMemoryId)).findFirst()
                .ifPresent(h -> out.println("  the PII barrier stored the phone turn as: " + h.text()));
        ask(brain);

        section("4. forget: Alice asks to drop her old phone number (soft delete)");
        Instant beforeForget = Instant.now();
        pause();
        int deleted = brain.forget(ForgetRequest.byIds(BANK, List.of(phoneId)), ALICE).deletedCount();
        out.println("  forgot " + deleted + " memory (" + phoneId + ")");
        List<MemoryHit> now = brain.recall(RecallRequest.of(BANK, "phone number"), ALICE).hits();
        String forgottenId = phoneId;
        out.println("  recall \"phone number\" now: " + (now.stream().anyMatch(h -> h.memoryId().equals(forgottenId))
                ? "STILL FOUND (unexpected)" : "not found"));

        section("5. history: the bank as of " + beforeForget + ", a moment before the forget");
        HistoryResult then = brain.history(HistoryRequest.of(BANK, "phone number", beforeForget), ALICE);
        printHits(then.hits().subList(0, Math.min(3, then.hits().size())));
    }

    private void ask(Astrocyte brain) {
        section("2. recall: \"What does Alice like to drink?\" (hybrid: dense + BM25 + recency, RRF)");
        RecallResult r = brain.recall(RecallRequest.builder("What does Alice like to drink?").bankId(BANK)
                .maxResults(3).build(), ALICE);
        printHits(r.hits());
        RecallTrace t = r.trace();
        out.printf("  trace: strategies=%s candidates=%s fused=%d fusion=%s latency=%.1f ms timings(ms)=%s%n",
                t.strategiesUsed(), t.strategyCandidateCounts(), t.totalCandidates(), t.fusionMethod(), t.latencyMs(),
                rounded(t.strategyTimingsMs()));

        section("3. reflect: \"What is the name of Alice's cat?\" (answer with citations)");
        ReflectResult a = brain.reflect(ReflectRequest.of(BANK, "What is the name of Alice's cat?"), ALICE);
        out.println("  answer: " + a.answer());
        out.printf("  confidence=%.2f sources=%s%n", a.confidence(),
                a.sources().stream().map(MemoryHit::memoryId).toList());
        out.println("  observations: " + a.observations());
    }

    /** On a later run, find the memory forgotten by the first run and show history still has it. */
    private void showForgottenInHistory(Astrocyte brain) {
        Optional<VectorItem> forgotten = brain.vectorStore()
                .listVectors(BANK, null, 1000, VectorFilters.none().withIncludeForgotten(true)).stream()
                .filter(i -> i.forgottenAt() != null).findFirst();
        if (forgotten.isEmpty()) {
            return;
        }
        Instant before = forgotten.get().forgottenAt().minusMillis(1);
        section("4. history across restarts: as of " + before + " (just before the first run's forget)");
        printHits(brain.history(HistoryRequest.of(BANK, "phone number", before), ALICE).hits().subList(0, 1));
        boolean live = brain.recall(RecallRequest.of(BANK, "phone number"), ALICE).hits().stream()
                .anyMatch(h -> h.memoryId().equals(forgotten.get().id()));
        out.println("  ...and recall today " + (live ? "STILL finds it (unexpected)" : "does not find it: forgotten"));
    }

    private void printHits(List<MemoryHit> hits) {
        for (MemoryHit h : hits) {
            out.printf("  %.3f  [%s]  %s%n", h.score(), h.memoryId(), h.text());
        }
        if (hits.isEmpty()) {
            out.println("  (no hits)");
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title + " ==");
    }

    private static Map<String, Long> rounded(Map<String, Double> timings) {
        Map<String, Long> r = new java.util.LinkedHashMap<>();
        timings.forEach((k, v) -> r.put(k, Math.round(v)));
        return r;
    }

    /** Timestamps are millisecond-precise; make sure "before the forget" is strictly earlier. */
    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
