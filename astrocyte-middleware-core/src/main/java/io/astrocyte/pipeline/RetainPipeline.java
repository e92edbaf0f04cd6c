package io.astrocyte.pipeline;

import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.ChunkerConfig;
import io.astrocyte.pipeline.chunk.Chunkers;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The retain path after the policy checks (SPEC §5.1): normalize → chunk → embed all chunks in one
 * batch → stamp → store. All chunks are stored in one {@link VectorStore#storeVectors} call, so a retain
 * is written whole or not at all as far as the store's write is atomic.
 */
public final class RetainPipeline {

    /** Memory layer of everything the built-in pipeline stores. */
    public static final String FACT_LAYER = "fact";

    private final VectorStore store;
    private final Embedder embedder;
    private final ChunkerConfig chunking;
    private final Clock clock;

    public RetainPipeline(VectorStore store, Embedder embedder, ChunkerConfig chunking, Clock clock) {
        this.store = store;
        this.embedder = embedder;
        this.chunking = chunking;
        this.clock = clock;
    }

    public RetainResult retain(RetainRequest request) {
        String text = ContentNormalizer.normalize(request.content(), request.contentType());
        List<String> chunks = Chunkers.forContent(request.contentType(), chunking).chunk(text);
        if (chunks.isEmpty()) {
            return RetainResult.rejected("Content is empty after normalization");
        }
        List<float[]> vectors = embedder.embed(chunks);
        if (vectors.size() != chunks.size()) {
            throw new IllegalStateException("embedder returned " + vectors.size() + " vectors for " + chunks.size()
                    + " texts");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant occurred = request.occurredAt() == null ? null : request.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        String group = MemoryIds.newId();
        List<VectorItem> items = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            String id = i == 0 ? group : MemoryIds.newId();
            items.add(new VectorItem(id, request.bankId(), vectors.get(i), chunks.get(i), request.metadata(),
                    request.tags(), request.factType(), occurred, FACT_LAYER, now, group + "#" + i, request.source(),
                    null));
        }
        return RetainResult.stored(store.storeVectors(items));
    }
}
