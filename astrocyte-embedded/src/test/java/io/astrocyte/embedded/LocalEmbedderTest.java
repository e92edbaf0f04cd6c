package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.embedded.embedding.LocalEmbedder;
import io.astrocyte.embedding.Vectors;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real in-process MiniLM model (loads in about a second). */
class LocalEmbedderTest {

    private static LocalEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new LocalEmbedder(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedText() {
        List<float[]> v = embedder.embed(List.of("prefers vegetarian food", "likes meals without meat",
                "the quarterly tax filing deadline"));
        double related = Vectors.dot(v.get(0), v.get(1));
        double unrelated = Vectors.dot(v.get(0), v.get(2));
        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(related).isGreaterThan(0.4);
        assertThat(related).isGreaterThan(unrelated + 0.3);
    }

    @Test
    void batchesMatchSingleEmbeddingsAndBlankTextIsTheZeroVector() {
        List<String> texts = List.of("one", "two words", "", "three little words", "four");
        List<float[]> batch = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                assertThat(batch.get(i)).containsOnly(0f);
            } else {
                assertThat(Vectors.dot(batch.get(i), embedder.embed(texts.get(i)))).isGreaterThan(0.9999);
            }
        }
        assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void bgeSmallRunsFromItsJarThroughTheFactoryAndNamesItself() {
        try (io.astrocyte.spi.Embedder bge = new io.astrocyte.embedded.embedding.LocalEmbedderFactory().create(
                java.util.Map.of("model", "bge-small-en-v1.5-q", "threads", 1))) {
            List<float[]> v = bge.embed(List.of("prefers vegetarian food", "likes meals without meat",
                    "the quarterly tax filing deadline", ""));
            assertThat(bge.modelId()).isEqualTo("bge-small-en-v1.5-q");
            assertThat(bge.dimension()).isEqualTo(384);
            assertThat(v.subList(0, 3)).allSatisfy(x -> assertThat(Math.sqrt(Vectors.dot(x, x))).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-3)));
            assertThat(v.get(3)).containsOnly(0f);
            assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.1);
            // a different model: its vectors are not MiniLM's
            assertThat(Vectors.dot(v.get(0), embedder.embed("prefers vegetarian food"))).isLessThan(0.99);
        }
    }

    @Test
    void theFactoryRefusesAnUnknownModelByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.astrocyte.embedded.embedding
                .LocalEmbedderFactory().create(java.util.Map.of("model", "bge-large")))
                .isInstanceOf(io.astrocyte.ConfigException.class)
                .hasMessageContaining("embedding_provider_config.model")
                .hasMessageContaining("all-minilm-l6-v2-q, bge-small-en-v1.5-q");
    }
}
