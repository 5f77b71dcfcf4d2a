package dev.nnl.tensor;

import java.util.Arrays;

/**
 * Shape rules shared by the static checker and the kernels, so both report the same message.
 * A dimension of -1 means unknown (static checking only).
 */
public final class Shapes {
    public static final long UNKNOWN = -1;

    private Shapes() {}

    public static String show(long[] shape) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) out.append(", ");
            out.append(shape[i] == UNKNOWN ? "?" : Long.toString(shape[i]));
        }
        return out.append(']').toString();
    }

    public static long size(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** numpy broadcasting of two shapes. */
    public static long[] broadcast(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da == db || db == 1) out[i] = da;
            else if (da == 1) out[i] = db;
            else if (da == UNKNOWN || db == UNKNOWN) out[i] = Math.max(da, db) == UNKNOWN ? UNKNOWN : Math.max(da, db);
            else throw new ShapeError(op + " of " + show(a) + " and " + show(b) + ": shapes do not broadcast (dimension "
                    + da + " against " + db + ")", "reshape one side, e.g. reshape(y, [-1, 1]), so the dimensions match or are 1");
        }
        return out;
    }

    /** Shape of matmul of a and b (rank >= 2; leading dimensions broadcast). */
    public static long[] matmul(long[] a, long[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new ShapeError("matmul needs matrices (rank 2 or more), got " + show(a) + " and " + show(b),
                    "make a row vector with reshape(x, [1, -1]) or x[newaxis, :]");
        }
        long inA = a[a.length - 1];
        long inB = b[b.length - 2];
        if (inA != inB && inA != UNKNOWN && inB != UNKNOWN) {
            throw new ShapeError("matmul of " + show(a) + " and " + show(b) + ": inner dimensions " + inA + " and " + inB
                    + " differ", "the last dimension of the left side must equal the first of the right; transpose one?");
        }
        long[] batch = broadcast("matmul", Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2));
        long[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a[a.length - 2];
        out[batch.length + 1] = b[b.length - 1];
        return out;
    }

    /** Turns a possibly negative axis into 0..rank-1. */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeError("axis " + axis + " is out of range for a tensor of rank " + rank
                    + (rank == 0 ? " (a scalar has no axes)" : " (valid: " + -rank + " to " + (rank - 1) + ")"));
        }
        return a;
    }

    /** Shape after reducing the given axes (all when {@code axes} is null). */
    public static long[] reduce(long[] shape, int[] axes, boolean keepDims) {
        boolean[] reduced = new boolean[shape.length];
        if (axes == null) Arrays.fill(reduced, true);
        else for (int a : axes) reduced[axis(a, shape.length)] = true;
        long[] out = new long[shape.length];
        int n = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) out[n++] = shape[i];
            else if (keepDims) out[n++] = 1;
        }
        return Arrays.copyOf(out, n);
    }

    /** Resolves one -1 in a reshape target and checks the element count. */
    public static long[] reshape(long[] from, long[] to) {
        long known = 1;
        int inferred = -1;
        for (int i = 0; i < to.length; i++) {
            if (to[i] == -1) {
                if (inferred >= 0) throw new ShapeError("reshape to " + show(to) + ": only one dimension may be -1");
                inferred = i;
            } else if (to[i] < 0) {
                throw new ShapeError("reshape to " + show(to) + ": dimensions must be positive or -1");
            } else {
                known *= to[i];
            }
        }
        boolean fromKnown = Arrays.stream(from).allMatch(d -> d != UNKNOWN);
        long[] out = to.clone();
        if (!fromKnown) return out;
        long total = size(from);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new ShapeError("cannot reshape " + show(from) + " (" + total + " elements) to " + show(to));
            }
            out[inferred] = total / known;
        } else if (known != total) {
            throw new ShapeError("cannot reshape " + show(from) + " (" + total + " elements) to " + show(to) + " ("
                    + known + " elements)");
        }
        return out;
    }

    /** The axes of {@code grad} that broadcasting created from {@code like}: the leading ones and those of size 1. */
    public static int[] broadcastAxes(long[] grad, long[] like) {
        int lead = grad.length - like.length;
        return java.util.stream.IntStream.range(0, grad.length)
                .filter(i -> i < lead || (like[i - lead] == 1 && grad[i] != 1)).toArray();
    }
}
