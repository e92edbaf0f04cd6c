package io.astrocyte.embedded.lucene;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.ProviderFactory;
import io.astrocyte.spi.VectorStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code vector_store: embedded}, the default whenever this module is on the classpath.
 * {@code vector_store_config}: {@code path} (data folder, default {@code ./astrocyte-data}) and
 * {@code exact_search_threshold} (default 10 000), {@code commit_interval_ms} (default 5000),
 * {@code graph_min_docs} (default 10 000), {@code keyword_k1} (BM25 term-frequency saturation, default
 * {@value LuceneVectorStore.Options#DEFAULT_KEYWORD_K1}). The facade adds the embedder's
 * {@code embedding_dimension} and {@code embedding_model}.
 */
public final class EmbeddedVectorStoreFactory implements ProviderFactory.ForVectorStore {

    public static final String DEFAULT_PATH = "./astrocyte-data";
    private static final Set<String> KEYS = Set.of("path", "exact_search_threshold", "commit_interval_ms",
            "graph_min_docs", "keyword_k1", "embedding_dimension", "embedding_model");

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public VectorStore create(Map<String, Object> config) {
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException("vector_store_config." + key + ": unknown key for the embedded store (known: "
                        + "path, exact_search_threshold, commit_interval_ms, graph_min_docs, keyword_k1)");
            }
        }
        Object dim = config.get("embedding_dimension");
        if (!(dim instanceof Number)) {
            throw new ConfigException("vector_store_config: the embedded store needs the embedder's dimension");
        }
        Object threshold = config.getOrDefault("exact_search_threshold", LuceneVectorStore.DEFAULT_EXACT_SEARCH_THRESHOLD);
        if (!(threshold instanceof Number t) || t.intValue() < 0) {
            throw new ConfigException("vector_store_config.exact_search_threshold: must be a non-negative integer, got "
                    + threshold);
        }
        Object interval = config.getOrDefault("commit_interval_ms",
                LuceneVectorStore.Options.DEFAULT.commitInterval().toMillis());
        if (!(interval instanceof Number ms) || ms.longValue() <= 0) {
            throw new ConfigException("vector_store_config.commit_interval_ms: must be a positive integer, got "
                    + interval);
        }
        Object graphMin = config.getOrDefault("graph_min_docs", AdaptiveVectorsFormat.DEFAULT_GRAPH_MIN_DOCS);
        if (!(graphMin instanceof Number g) || g.intValue() < 0) {
            throw new ConfigException("vector_store_config.graph_min_docs: must be a non-negative integer, got "
                    + graphMin);
        }
        Object k1 = config.getOrDefault("keyword_k1", LuceneVectorStore.Options.DEFAULT_KEYWORD_K1);
        if (!(k1 instanceof Number k) || !(k.doubleValue() >= 0) || Double.isInfinite(k.doubleValue())) {
            throw new ConfigException("vector_store_config.keyword_k1: must be a non-negative number, got " + k1);
        }
        Path path = Path.of(String.valueOf(config.getOrDefault("path", DEFAULT_PATH)));
        return LuceneVectorStore.open(path, ((Number) dim).intValue(),
                String.valueOf(config.getOrDefault("embedding_model", "unknown")),
                new LuceneVectorStore.Options(t.intValue(), java.time.Duration.ofMillis(ms.longValue()), g.intValue(),
                        k.floatValue()));
    }
}
