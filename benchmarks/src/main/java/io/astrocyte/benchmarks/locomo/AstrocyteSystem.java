package io.astrocyte.benchmarks.locomo;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ContentType;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Systems {@code astrocyte} and {@code astrocyte-qdrant}: {@code Astrocyte.retain}/{@code recall} through
 * the facade on the embedded Lucene store or on Qdrant, one bank per conversation, all conversations in one
 * store (so cross-bank hits would show up as leaks).
 */
final class AstrocyteSystem implements RetrievalSystem {

    private static final AstrocyteContext CONTEXT = AstrocyteContext.of("service:locomo-benchmark");

    private final String name;
    private final VectorStore store;
    private final Astrocyte brain;
    private int deduplicated;

    AstrocyteSystem(String name, Embedder embedder, VectorStore store) {
        this.name = name;
        this.store = store;
        // owners and grants of this run only: the default would keep them in ./astrocyte-data across runs
        this.brain = Astrocyte.builder().vectorStore(store).embedder(embedder).clock(anchoredClock())
                .governanceStore(new io.astrocyte.store.memory.InMemoryGovernanceStore()).build();
    }

    /** Recall's recency is relative to the clock: every run starts it at the same moment, so runs compare exactly. */
    static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock that ticks as usual from {@link #ANCHOR} at the start of the run. */
    static Clock anchoredClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ANCHOR));
    }

    /** On the embedded Lucene store in {@code dataDir}. */
    static AstrocyteSystem embedded(Embedder embedder, Path dataDir) {
        return new AstrocyteSystem("astrocyte", embedder, LuceneVectorStore.open(dataDir, embedder.dimension(),
                embedder.modelId()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void index(LocomoDataset.Conversation c, LocomoDataset.Turn turn) {
        RetainResult r = brain.retain(RetainRequest.builder(c.sampleId(), turn.text())
                .contentType(ContentType.CONVERSATION).occurredAt(turn.occurredAt())
                .metadata(Map.of("dia_id", turn.diaId(), "session", turn.session(), "speaker", turn.speaker(),
                        "sample_id", c.sampleId()))
                .build(), CONTEXT);
        if (r.deduplicated() && !r.stored()) {
            deduplicated++; // default dedup folded a repeated turn into an earlier one; its dia_id is lost
        } else if (!r.stored()) {
            throw new RetainRefused(r.error());
        }
    }

    /** A retain the policy layer answered with {@code stored=false}; the harness counts it and goes on. */
    static final class RetainRefused extends RuntimeException {
        RetainRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public Map<String, Object> notes() {
        return Map.of("deduplicated_turns", deduplicated);
    }

    @Override
    public List<Ranked> search(LocomoDataset.Conversation c, String question, int depth) {
        List<Ranked> out = new ArrayList<>();
        for (MemoryHit h : brain.recall(RecallRequest.builder(question).bankId(c.sampleId()).maxResults(depth).build(),
                CONTEXT).hits()) {
            out.add(new Ranked((String) h.metadata().get("dia_id"), h.text(), (String) h.metadata().get("sample_id")));
        }
        return out;
    }

    @Override
    public void close() {
        brain.close();
        store.close();
    }
}
