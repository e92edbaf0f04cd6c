package io.astrocyte.embedded.lucene;

import org.apache.lucene.util.VectorUtil;

/**
 * The dot product the store's exact scans run once per candidate. On Java 17 it is Lucene's (unrolled scalar
 * code, so scores stay what they have always been). On Java 21 and later, when the application starts the JVM
 * with {@code --add-modules jdk.incubator.vector} and this jar was built on Java 21 or later (it then carries a
 * Java 21 class in {@code META-INF/versions/21}), it is a Vector API kernel that uses the CPU's SIMD registers:
 * about four times fewer cycles per vector. Lucene 9 does not enable its own Vector API code on Java 23 and later,
 * hence a kernel of the store's own. {@code -Dastrocyte.vector-api=false} keeps the scalar one everywhere.
 */
interface DotProduct {

    /** Lucene's scalar dot product: the Java 17 behaviour, and the fallback everywhere. */
    DotProduct SCALAR = new DotProduct() {
        @Override
        public float dot(float[] a, float[] b) {
            return VectorUtil.dotProduct(a, b);
        }

        @Override
        public String toString() {
            return "scalar";
        }
    };

    /** The class that only a Java 21+ build puts under {@code META-INF/versions/21}. */
    String VECTOR_API_KERNEL = "io.astrocyte.embedded.lucene.VectorApiDotProduct";

    /** {@code a · b}; both arrays have the same length. */
    float dot(float[] a, float[] b);

    /** The fastest kernel this JVM can run; chosen once per class loader. */
    static DotProduct fastest() {
        if (Runtime.version().feature() < 21 || "false".equals(System.getProperty("astrocyte.vector-api"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return SCALAR;
        }
        try {
            DotProduct kernel = (DotProduct) Class.forName(VECTOR_API_KERNEL).getDeclaredConstructor().newInstance();
            return kernel.usable() ? kernel : SCALAR;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            // a jar built on Java 17 has no such class; a JDK without the module's intrinsics fails to link it
            return SCALAR;
        }
    }

    /** Whether this kernel pays off on this CPU; the scalar one always does. */
    default boolean usable() {
        return true;
    }
}
