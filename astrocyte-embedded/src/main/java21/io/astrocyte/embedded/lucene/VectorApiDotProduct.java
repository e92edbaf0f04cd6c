package io.astrocyte.embedded.lucene;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel behind {@link DotProduct#fastest()}: compiled for Java 21 into
 * {@code META-INF/versions/21} and loaded by name, so Java 17 never sees it. Two independent accumulators let
 * consecutive fused multiply-adds overlap; the lanes are summed once at the end and a scalar loop takes the tail.
 * Sums in another order than the scalar kernel, so scores may differ from it in the last bits.
 */
final class VectorApiDotProduct implements DotProduct {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    VectorApiDotProduct() {
    }

    @Override
    public boolean usable() {
        // below 128 bits (no SIMD, or the API running in Java code), the scalar kernel is faster
        return VectorShape.preferredShape().vectorBitSize() >= 128;
    }

    @Override
    public float dot(float[] a, float[] b) {
        int lanes = SPECIES.length();
        int i = 0;
        float sum;
        if (a.length >= 2 * lanes) {
            FloatVector even = FloatVector.zero(SPECIES);
            FloatVector odd = FloatVector.zero(SPECIES);
            int bound = a.length - a.length % (2 * lanes);
            for (; i < bound; i += 2 * lanes) {
                even = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), even);
                odd = FloatVector.fromArray(SPECIES, a, i + lanes)
                        .fma(FloatVector.fromArray(SPECIES, b, i + lanes), odd);
            }
            sum = even.add(odd).reduceLanes(VectorOperators.ADD);
        } else {
            sum = 0;
        }
        for (; i < a.length; i++) {
            sum = Math.fma(a[i], b[i], sum);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "vector-api-" + SPECIES.vectorBitSize();
    }
}
