package io.astrocyte.embedding;

/** Small vector helpers shared by stores and embedders. */
public final class Vectors {

    private Vectors() {
    }

    /** A unit-length copy of {@code v}; a zero vector stays zero. */
    public static float[] normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float[] out = v.clone();
        if (sum == 0) {
            return out;
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < out.length; i++) {
            out[i] *= inv;
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Cosine similarity of two unit vectors mapped from {@code [-1, 1]} to {@code [0, 1]}. */
    public static double unitScore(float[] a, float[] b) {
        return Math.max(0, Math.min(1, (1 + dot(a, b)) / 2));
    }
}
