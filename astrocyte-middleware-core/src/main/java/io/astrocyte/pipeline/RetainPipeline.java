package io.astrocyte.pipeline;

import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.api.RetentionAction;
import io.astrocyte.api.ContentType;
import io.astrocyte.config.ChunkerConfig;
import io.astrocyte.config.ExtractionProfileConfig;
import io.astrocyte.config.SignalQualityConfig;
import io.astrocyte.pipeline.chunk.Chunkers;
import io.astrocyte.pipeline.extract.ExtractionProfiles;
import io.astrocyte.pipeline.extract.FactExtractor;
import io.astrocyte.pipeline.extract.MetadataMapping;
import io.astrocyte.policy.signal.Deduplicator;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The retain path after the policy checks (SPEC §5.1): normalize → chunk → embed all chunks in one
 * batch → dedup → stamp → store. All chunks kept are stored in one {@link VectorStore#storeVectors} call,
 * so a retain is written whole or not at all as far as the store's write is atomic.
 *
 * <p>With dedup on, the check and a reservation of the chunks to store run under the bank's dedup lock and
 * the write follows outside it, with the reservation held until the store acknowledges: two concurrent
 * retains of the same content cannot both pass, and writes into one bank still overlap. (If the reserved
 * write then fails, a duplicate skipped meanwhile names a memory that was never stored; the failure
 * surfaces to the first caller.) Under {@code update}, the replaced duplicates are forgotten only after
 * the new chunks are stored: a failure in between leaves a duplicate, never a loss.
 *
 * <p>A retain that names an extraction profile (SPEC §5.1) is prepared by it first: content type, chunking, fact
 * type, authority tier and metadata mapping. When the profile asks for facts and an LLM is given, the facts it draws
 * from the content are embedded and stored in the same write as the content's chunks, each linked to the content by
 * metadata {@value #EXTRACTED_FROM}.
 */
public final class RetainPipeline {

    /** Memory layer of everything the built-in pipeline stores. */
    public static final String FACT_LAYER = "fact";
    /** Metadata key on an extracted fact: the id of the memory it was drawn from (what {@code retain} returned). */
    public static final String EXTRACTED_FROM = "_extracted_from";
    /** Metadata key on an extracted fact: {@code verbatim} or {@code concise}. */
    public static final String EXTRACTION = "_extraction";
    /** Metadata key a profile's {@code authority_tier} is stamped under. */
    public static final String AUTHORITY_TIER = "authority_tier";

    private final VectorStore store;
    private final Embedder embedder;
    private final ChunkerConfig chunking;
    private final Clock clock;
    private final Deduplicator dedup;
    private final ExtractionProfiles profiles;
    private final FactExtractor facts;

    public RetainPipeline(VectorStore store, Embedder embedder, ChunkerConfig chunking, Clock clock,
            Deduplicator dedup) {
        this(store, embedder, chunking, clock, dedup, new ExtractionProfiles(Map.of()), null);
    }

    /**
     * @param profiles the extraction profiles a retain may name
     * @param facts    draws facts for profiles that ask for them, or {@code null} without an LLM (then no profile may
     *                 ask: {@link ExtractionProfiles#extractingFacts()} is checked when Astrocyte is built)
     */
    public RetainPipeline(VectorStore store, Embedder embedder, ChunkerConfig chunking, Clock clock,
            Deduplicator dedup, ExtractionProfiles profiles, FactExtractor facts) {
        this.store = store;
        this.embedder = embedder;
        this.chunking = chunking;
        this.clock = clock;
        this.dedup = dedup;
        this.profiles = profiles;
        this.facts = facts;
    }

    /** Retains with dedup as configured for the bank. */
    public RetainResult retain(RetainRequest request) {
        return retain(request, true);
    }

    /**
     * @param dedup {@code false} stores every chunk without looking for duplicates (imports: a restore
     *              reproduces the exported bank, and its conflicts are handled by original id)
     */
    public RetainResult retain(RetainRequest request, boolean dedup) {
        return retain(request, dedup, null);
    }

    /**
     * @param spec a MIP pipeline routing this memory (SPEC §6.2), or {@code null}: its chunker and dedup settings
     *             replace the configured ones for this retain, key by key
     */
    public RetainResult retain(RetainRequest request, boolean dedup, io.astrocyte.routing.PipelineSpec spec) {
        ExtractionProfileConfig profile = profiles.resolve(request.extractionProfile());
        ChunkerConfig base = chunking;
        if (profile != null) {
            request = profiled(request, profile);
            base = chunkerOf(profile, chunking);
        }
        String text = ContentNormalizer.normalize(request.content(), request.contentType());
        // a bank's MIP pipeline overrides the profile's chunking as it overrides the configured one
        ChunkerConfig chunkerConfig = spec == null || spec.chunker() == null ? base : chunkerOf(spec.chunker(), base);
        SignalQualityConfig.Dedup dedupConfig = spec == null || spec.dedup() == null ? this.dedup.config(request.bankId())
                : dedupOf(spec.dedup(), this.dedup.config(request.bankId()));
        List<String> chunks = Chunkers.forContent(request.contentType(), chunkerConfig).chunk(text);
        if (chunks.isEmpty()) {
            return RetainResult.rejected("Content is empty after normalization");
        }
        List<float[]> vectors = embedder.embed(chunks);
        if (vectors.size() != chunks.size()) {
            throw new IllegalStateException("embedder returned " + vectors.size() + " vectors for " + chunks.size()
                    + " texts");
        }
        boolean extract = profile != null && profile.extractsFacts() && facts != null;
        if (!dedup || !dedupConfig.enabled()) {
            List<VectorItem> items = items(request, chunks, vectors, all(chunks.size()));
            return extract ? storeWithFacts(request, text, profile, items, List.of(), false)
                    : RetainResult.stored(store.storeVectors(items));
        }
        Plan plan;
        Deduplicator.Reservation reservation;
        ReentrantLock lock = this.dedup.lock(request.bankId());
        lock.lock();
        try {
            plan = plan(request, chunks, vectors, dedupConfig);
            List<String> ids = new ArrayList<>();
            List<float[]> kept = new ArrayList<>();
            for (VectorItem item : plan.items()) {
                ids.add(item.id());
                kept.add(item.vector());
            }
            reservation = this.dedup.reserve(request.bankId(), ids, kept);
        } finally {
            lock.unlock();
        }
        try (reservation) {
            if (plan.items().isEmpty()) {
                return plan.skipped();
            }
            if (extract) {
                return storeWithFacts(request, text, profile, plan.items(), plan.replaced(), plan.deduplicated());
            }
            List<String> ids = store.storeVectors(plan.items());
            if (!plan.replaced().isEmpty()) {
                store.softDelete(plan.replaced(), request.bankId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            }
            return plan.deduplicated() ? RetainResult.storedWithDuplicates(ids, plan.replaced().isEmpty()
                    ? RetentionAction.ADD : RetentionAction.UPDATE) : RetainResult.stored(ids);
        }
    }

    /**
     * What to store after dedup: the items, the stored duplicates they replace ({@code update}), and the
     * result to return when nothing is stored.
     */
    private record Plan(List<VectorItem> items, List<String> replaced, boolean deduplicated, RetainResult skipped) {
    }

    /**
     * Stores the content's chunks and the facts drawn from it in one write, so neither is stored without the other;
     * the LLM is asked before anything is written. Without usable facts the chunks are stored alone and the result
     * says why.
     */
    private RetainResult storeWithFacts(RetainRequest request, String text, ExtractionProfileConfig profile,
            List<VectorItem> chunks, List<String> replaced, boolean deduplicated) {
        FactExtractor.Outcome outcome = facts.extract(text, profile.factExtraction(), profile.maxFacts(),
                request.occurredAt());
        List<VectorItem> all = new ArrayList<>(chunks);
        if (!outcome.facts().isEmpty()) {
            List<float[]> vectors = embedder.embed(outcome.facts());
            if (vectors.size() != outcome.facts().size()) {
                throw new IllegalStateException("embedder returned " + vectors.size() + " vectors for "
                        + outcome.facts().size() + " texts");
            }
            Map<String, Object> metadata = new LinkedHashMap<>(request.metadata());
            metadata.put(EXTRACTED_FROM, chunks.get(0).id());
            metadata.put(EXTRACTION, profile.factExtraction());
            VectorItem first = chunks.get(0);
            for (int i = 0; i < vectors.size(); i++) {
                String id = MemoryIds.newId();
                all.add(new VectorItem(id, request.bankId(), vectors.get(i), outcome.facts().get(i), metadata,
                        request.tags(), request.factType(), first.occurredAt(), FACT_LAYER, first.retainedAt(),
                        id + "#0", request.source(), null));
            }
        }
        List<String> ids = store.storeVectors(all);
        if (!replaced.isEmpty()) {
            store.softDelete(replaced, request.bankId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
        List<String> chunkIds = ids.subList(0, chunks.size());
        RetainResult result = deduplicated ? RetainResult.storedWithDuplicates(chunkIds, replaced.isEmpty()
                ? RetentionAction.ADD : RetentionAction.UPDATE) : RetainResult.stored(chunkIds);
        return result.withFacts(ids.subList(chunks.size(), ids.size()), outcome.error());
    }

    /** The request as the profile shapes it: its content type, fact type, authority tier and mapped metadata. */
    private static RetainRequest profiled(RetainRequest r, ExtractionProfileConfig p) {
        ContentType type = p.contentType() == null ? r.contentType() : ContentType.fromWire(p.contentType());
        Map<String, Object> metadata = MetadataMapping.apply(p.metadataMapping(), r.content(), r.metadata());
        if (p.authorityTier() != null && !metadata.containsKey(AUTHORITY_TIER)) {
            metadata = new LinkedHashMap<>(metadata);
            metadata.put(AUTHORITY_TIER, p.authorityTier());
        }
        return RetainRequest.builder(r.bankId(), r.content()).metadata(metadata).tags(r.tags()).contentType(type)
                .extractionProfile(r.extractionProfile()).occurredAt(r.occurredAt()).source(r.source())
                .piiDetected(r.piiDetected()).factType(p.factType() == null ? r.factType() : p.factType()).build();
    }

    private static ChunkerConfig chunkerOf(ExtractionProfileConfig p, ChunkerConfig base) {
        if (p.chunkingStrategy() == null && p.chunkSize() == null) {
            return base;
        }
        int maxSize = p.chunkSize() == null ? base.maxSize() : p.chunkSize();
        return new ChunkerConfig(p.chunkingStrategy() == null ? base.strategy() : p.chunkingStrategy(), maxSize,
                Math.min(base.overlap(), maxSize / 4));
    }

    private static ChunkerConfig chunkerOf(io.astrocyte.routing.PipelineSpec.Chunker c, ChunkerConfig base) {
        int maxSize = c.maxSize() == null ? base.maxSize() : c.maxSize();
        int overlap = c.overlap() == null ? Math.min(base.overlap(), maxSize / 4) : c.overlap();
        return new ChunkerConfig(c.strategy() == null ? base.strategy() : c.strategy(), maxSize, overlap);
    }

    private static SignalQualityConfig.Dedup dedupOf(io.astrocyte.routing.PipelineSpec.Dedup d,
            SignalQualityConfig.Dedup bank) {
        SignalQualityConfig.DedupAction action = bank.action();
        if (d.action() != null) {
            action = SignalQualityConfig.DedupAction.valueOf(d.action().toUpperCase(java.util.Locale.ROOT));
        }
        return new SignalQualityConfig.Dedup(bank.enabled(), d.threshold() == null ? bank.similarityThreshold()
                : d.threshold(), action);
    }

    private Plan plan(RetainRequest request, List<String> chunks, List<float[]> vectors,
            SignalQualityConfig.Dedup config) {
        List<Deduplicator.Match> matches = dedup.find(request.bankId(), vectors, config);
        if (matches.isEmpty()) {
            return new Plan(items(request, chunks, vectors, all(chunks.size())), List.of(), false, null);
        }
        SignalQualityConfig.DedupAction action = config.action();
        Deduplicator.Match first = matches.get(0);
        if (action == SignalQualityConfig.DedupAction.WARN) {
            return new Plan(items(request, chunks, vectors, all(chunks.size())), List.of(), true, null);
        }
        if (action == SignalQualityConfig.DedupAction.SKIP) {
            return new Plan(List.of(), List.of(), true, RetainResult.skippedAsDuplicate(first.existingId(),
                    first.inBatch() ? "Content repeats itself (chunk " + first.chunk() + " duplicates an earlier chunk)"
                            : "Near-duplicate of memory " + first.existingId()));
        }
        Set<Integer> duplicate = new HashSet<>();
        List<String> replaced = new ArrayList<>();
        for (Deduplicator.Match m : matches) {
            if (action == SignalQualityConfig.DedupAction.UPDATE && !m.inBatch()) {
                replaced.add(m.existingId());
            } else {
                duplicate.add(m.chunk());
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (!duplicate.contains(i)) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            return new Plan(List.of(), List.of(), true,
                    RetainResult.skippedAsDuplicate(first.existingId(), "All chunks are near-duplicates"));
        }
        return new Plan(items(request, chunks, vectors, keep), replaced, true, null);
    }

    private static List<Integer> all(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** The stamped items of the chunks at {@code indexes}; one retain shares one chunk group. */
    private List<VectorItem> items(RetainRequest request, List<String> chunks, List<float[]> vectors,
            List<Integer> indexes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant occurred = request.occurredAt() == null ? null : request.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        String group = MemoryIds.newId();
        List<VectorItem> items = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            String id = items.isEmpty() ? group : MemoryIds.newId();
            items.add(new VectorItem(id, request.bankId(), vectors.get(i), chunks.get(i), request.metadata(),
                    request.tags(), request.factType(), occurred, FACT_LAYER, now, group + "#" + i, request.source(),
                    null));
        }
        return items;
    }
}
