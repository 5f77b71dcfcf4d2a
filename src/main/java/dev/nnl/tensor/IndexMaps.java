package dev.nnl.tensor;

/** Precomputed index arithmetic for kernels: broadcasting, transposition and reduction as flat position maps. */
public final class IndexMaps {
    private IndexMaps() {}

    public static int[] strides(long[] shape) {
        int[] s = new int[shape.length];
        int stride = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            s[k] = stride;
            stride *= (int) shape[k];
        }
        return s;
    }

    public static int size(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return (int) n;
    }

    /** For each position of {@code to}, the position of {@code from} that broadcasts onto it (numpy rules). */
    public static int[] broadcast(long[] from, long[] to) {
        int n = size(to);
        int[] out = new int[n];
        int lead = to.length - from.length;
        int[] fromStrides = strides(from);
        int[] counter = new int[to.length];
        for (int i = 0; i < n; i++) {
            int pos = 0;
            for (int k = 0; k < from.length; k++) {
                if (from[k] != 1) pos += counter[k + lead] * fromStrides[k];
            }
            out[i] = pos;
            for (int k = to.length - 1; k >= 0; k--) {
                if (++counter[k] < to[k]) break;
                counter[k] = 0;
            }
        }
        return out;
    }

    /** For each position of the transposed array, the position in the input. */
    public static int[] transpose(long[] inShape, int[] perm) {
        long[] outShape = new long[perm.length];
        for (int i = 0; i < perm.length; i++) outShape[i] = inShape[perm[i]];
        int[] inStrides = strides(inShape);
        int n = size(outShape);
        int[] out = new int[n];
        int[] counter = new int[perm.length];
        for (int i = 0; i < n; i++) {
            int pos = 0;
            for (int k = 0; k < perm.length; k++) pos += counter[k] * inStrides[perm[k]];
            out[i] = pos;
            for (int k = perm.length - 1; k >= 0; k--) {
                if (++counter[k] < outShape[k]) break;
                counter[k] = 0;
            }
        }
        return out;
    }

    /** For each input position, the output position of a reduction over the marked axes. */
    public static int[] reduction(long[] inShape, boolean[] reduced) {
        long[] kept = new long[inShape.length];
        for (int k = 0; k < inShape.length; k++) kept[k] = reduced[k] ? 1 : inShape[k];
        int[] keptStrides = strides(kept);
        int n = size(inShape);
        int[] out = new int[n];
        int[] counter = new int[inShape.length];
        for (int i = 0; i < n; i++) {
            int pos = 0;
            for (int k = 0; k < inShape.length; k++) if (!reduced[k]) pos += counter[k] * keptStrides[k];
            out[i] = pos;
            for (int k = inShape.length - 1; k >= 0; k--) {
                if (++counter[k] < inShape[k]) break;
                counter[k] = 0;
            }
        }
        return out;
    }
}
