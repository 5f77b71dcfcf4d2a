package dev.nnl.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The Java-loop kernels for small tensors: elementwise maps with broadcasting, matrix products and sums that
 * accumulate in order with the dtype's rounding (the arithmetic the course's numbers were computed with). They make
 * their results on the heap, so eager code on small tensors uses no native memory.
 */
public final class Loops {
    private Loops() {}

    public static Tensor map(Tensor x, DType out, DoubleUnaryOperator f) {
        Tensor result = Tensor.allocate(out, x.shape());
        View o = result.view();
        View a = x.view();
        int n = (int) x.size();
        for (int i = 0; i < n; i++) o.set(i, f.applyAsDouble(a.get(i)));
        return result;
    }

    public static Tensor zip(Tensor x, Tensor y, long[] shape, DType out, DoubleBinaryOperator f) {
        int[] mx = IndexMaps.broadcast(x.shape(), shape);
        int[] my = IndexMaps.broadcast(y.shape(), shape);
        Tensor result = Tensor.allocate(out, shape);
        View o = result.view();
        View a = x.view();
        View b = y.view();
        for (int i = 0; i < mx.length; i++) o.set(i, f.applyAsDouble(a.get(mx[i]), b.get(my[i])));
        return result;
    }

    public static Tensor select(Tensor c, Tensor x, Tensor y, long[] shape) {
        int[] mc = IndexMaps.broadcast(c.shape(), shape);
        int[] mx = IndexMaps.broadcast(x.shape(), shape);
        int[] my = IndexMaps.broadcast(y.shape(), shape);
        Tensor result = Tensor.allocate(x.dtype(), shape);
        View o = result.view();
        View vc = c.view();
        View a = x.view();
        View b = y.view();
        for (int i = 0; i < mc.length; i++) o.set(i, vc.get(mc[i]) != 0 ? a.get(mx[i]) : b.get(my[i]));
        return result;
    }

    /** A 2-D matrix product, each product and partial sum rounded to the dtype. */
    public static Tensor matmul(Tensor x, Tensor y) {
        long[] xs = x.shape();
        long[] ys = y.shape();
        int m = (int) xs[0];
        int k = (int) xs[1];
        int n = (int) ys[1];
        Tensor result = Tensor.allocate(x.dtype(), new long[] {m, n});
        matmulInto(result.view(), x.view(), y.view(), m, k, n);
        return result;
    }

    /** o[m×n] = a[m×k] · b[k×n], each product and partial sum rounded by o's dtype. */
    public static void matmulInto(View o, View a, View b, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) acc = o.round(acc + o.round(a.get(i * k + p) * b.get(p * n + j)));
                o.set(i * n + j, acc);
            }
        }
    }

    /** sum, mean, max or min over the marked axes, in order; the output keeps size-1 axes (the caller reshapes). */
    public static Tensor reduce(String kind, Tensor x, boolean[] reduced) {
        long[] xs = x.shape();
        long[] kept = xs.clone();
        for (int k = 0; k < xs.length; k++) if (reduced[k]) kept[k] = 1;
        int[] map = IndexMaps.reduction(xs, reduced);
        Tensor result = Tensor.allocate(x.dtype(), kept);
        View o = result.view();
        View a = x.view();
        int outSize = (int) result.size();
        double[] acc = new double[outSize];
        boolean extreme = kind.equals("max") || kind.equals("min");
        boolean[] started = new boolean[outSize];
        for (int i = 0; i < map.length; i++) {
            double v = a.get(i);
            int j = map[i];
            if (!extreme) acc[j] = o.round(acc[j] + v);
            else if (!started[j] || (kind.equals("max") ? v > acc[j] : v < acc[j]) || Double.isNaN(v)) acc[j] = v;
            started[j] = true;
        }
        int count = outSize == 0 ? 0 : map.length / outSize;
        for (int j = 0; j < outSize; j++) {
            double v = acc[j];
            if (kind.equals("mean")) v = x.dtype().isFloating() ? v / count : (long) (v / count);
            o.set(j, v);
        }
        return result;
    }

    /** Copies the elements at the given positions, in order, into a new tensor of {@code shape}. */
    public static Tensor gather(Tensor x, long[] positions, long[] shape) {
        Tensor result = Tensor.allocate(x.dtype(), shape);
        View o = result.view();
        View a = x.view();
        for (int i = 0; i < positions.length; i++) o.set(i, a.get((int) positions[i]));
        return result;
    }
}
