package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DotProductTest {

    private static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final boolean KERNEL_CLASS = DotProduct.class.getClassLoader()
            .getResource(DotProduct.VECTOR_API_KERNEL.replace('.', '/') + ".class") != null;

    @Test
    void theJvmGetsTheVectorApiKernelExactlyWhenItCanRunIt() {
        DotProduct fastest = DotProduct.fastest();
        if (Runtime.version().feature() >= 21 && VECTOR_MODULE && KERNEL_CLASS) {
            // the vector-api build profile: Java 21+, the module added, the Java 21 class compiled
            assertThat(fastest.toString()).startsWith("vector-api-");
        } else {
            assertThat(fastest).isSameAs(DotProduct.SCALAR);
        }
        assertThat(LuceneVectorStore.dotProductKernel()).isEqualTo(fastest.toString());
    }

    @Test
    void aSystemPropertyKeepsTheScalarKernel() {
        String before = System.getProperty("astrocyte.vector-api");
        System.setProperty("astrocyte.vector-api", "false");
        try {
            assertThat(DotProduct.fastest()).isSameAs(DotProduct.SCALAR);
        } finally {
            if (before == null) {
                System.clearProperty("astrocyte.vector-api");
            } else {
                System.setProperty("astrocyte.vector-api", before);
            }
        }
    }

    @Test
    void everyKernelComputesTheDotProductForAnyLength() {
        Random random = new Random(23);
        DotProduct fastest = DotProduct.fastest();
        // lengths around every SIMD width and its double, so both the vector loop and the scalar tail run
        int[] lengths = {1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 384, 385, 768, 1024, 1536};
        for (int n : lengths) {
            float[] a = new float[n];
            float[] b = new float[n];
            double exact = 0;
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                a[i] = (float) random.nextGaussian();
                b[i] = (float) random.nextGaussian();
                exact += (double) a[i] * b[i];
                magnitude += Math.abs((double) a[i] * b[i]);
            }
            double tolerance = 1e-5 * magnitude + 1e-6;
            assertThat((double) DotProduct.SCALAR.dot(a, b)).as("scalar, n=%d", n).isCloseTo(exact, within(tolerance));
            assertThat((double) fastest.dot(a, b)).as("%s, n=%d", fastest, n).isCloseTo(exact, within(tolerance));
        }
    }

    @Test
    void unitVectorsScoreTheirCosine() {
        float[] x = {0.6f, 0.8f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f};
        float[] y = x.clone();
        y[0] = 0.8f;
        y[1] = 0.6f;
        DotProduct fastest = DotProduct.fastest();
        assertThat(fastest.dot(x, x)).isCloseTo(1f, within(1e-6f));
        assertThat(fastest.dot(x, y)).isCloseTo(0.96f, within(1e-6f));
        float[] opposite = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            opposite[i] = -x[i];
        }
        assertThat(fastest.dot(x, opposite)).isCloseTo(-1f, within(1e-6f));
    }
}
