package io.astrocyte.embedded.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.astrocyte.spi.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default embedder: all-MiniLM-L6-v2 (quantized, 384-d) run in-process by ONNX Runtime through
 * LangChain4j. No network and no setup; the model loads in about a second. Batches are spread over a
 * bounded pool of {@code threads} workers (default: one per core), which is where the speed-up on
 * several cores comes from. Blank texts embed to the zero vector.
 */
public final class LocalEmbedder implements Embedder {

    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    public static final int DIMENSION = 384;

    private final ThreadPoolExecutor pool;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    public LocalEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public LocalEmbedder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096),
                r -> {
                    Thread t = new Thread(r, "astrocyte-embed-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        List<Integer> positions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                segments.add(TextSegment.from(texts.get(i)));
                positions.add(i);
            }
        }
        float[][] out = new float[texts.size()][];
        if (!segments.isEmpty()) {
            List<Embedding> embeddings = model.embedAll(segments).content();
            for (int k = 0; k < embeddings.size(); k++) {
                out[positions.get(k)] = embeddings.get(k).vector();
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = new float[DIMENSION];
            }
        }
        return List.of(out);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
