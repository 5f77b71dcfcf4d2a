package dev.nnl.pipeline;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import java.util.Arrays;

/**
 * scikit-learn's MinMaxScaler: each column mapped linearly so that its smallest value seen by fit becomes the
 * low end of the feature range and its largest the high end. Computed as scikit-learn computes it (x · scale + min,
 * with scale = (high − low) / (max − min) and a constant column's range taken as 1), in float32 for float32 data and
 * in float64 otherwise; NaN is ignored by fit and kept by transform.
 */
public final class MinMaxScaler {
    private final double low;
    private final double high;
    private double[] dataMin;
    private double[] dataMax;
    private double[] scale;
    private double[] min;
    private DType dtype;

    public MinMaxScaler(double low, double high) {
        if (!(low < high)) throw new NnlError("min_max_scaler: the feature range must have low < high, got (" + low + ", " + high + ")");
        this.low = low;
        this.high = high;
    }

    public MinMaxScaler fit(Tensor x) {
        int columns = columns(x, "fit");
        DType type = floatType(x);
        double[] lo = new double[columns];
        double[] hi = new double[columns];
        Arrays.fill(lo, Double.NaN);
        Arrays.fill(hi, Double.NaN);
        View v = x.view();
        long n = x.size();
        for (int i = 0; i < n; i++) {
            double value = round(type, v.get(i));
            int c = i % columns;
            if (Double.isNaN(value)) continue;
            if (Double.isNaN(lo[c]) || value < lo[c]) lo[c] = value;
            if (Double.isNaN(hi[c]) || value > hi[c]) hi[c] = value;
        }
        double[] s = new double[columns];
        double[] m = new double[columns];
        double eps = type == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
        for (int c = 0; c < columns; c++) {
            double range = round(type, hi[c] - lo[c]);
            if (range < 10 * eps) range = 1; // scikit-learn's _handle_zeros_in_scale: a constant column is not divided by 0
            s[c] = round(type, round(type, high - low) / range);
            m[c] = round(type, round(type, low) - round(type, lo[c] * s[c]));
        }
        dataMin = lo;
        dataMax = hi;
        scale = s;
        min = m;
        dtype = type;
        return this;
    }

    /** x · scale + min, column by column. */
    public Tensor transform(Tensor x) {
        requireFitted(x, "transform");
        return apply(x, (t, value, c) -> round(t, round(t, value * scale[c]) + min[c]));
    }

    /** (x − min) / scale: values back in the units fit saw. */
    public Tensor inverseTransform(Tensor x) {
        requireFitted(x, "inverse_transform");
        return apply(x, (t, value, c) -> round(t, round(t, value - min[c]) / scale[c]));
    }

    public Tensor dataMin() { return vector(dataMin); }

    public Tensor dataMax() { return vector(dataMax); }

    public Tensor scale() { return vector(scale); }

    public Tensor min() { return vector(min); }

    /** One element's new value; {@code type} is the result's dtype, to whose precision each step rounds. */
    private interface ColumnOp {
        double apply(DType type, double value, int column);
    }

    /** The result has x's float dtype, as scikit-learn's in-place arithmetic keeps it, whatever fit saw. */
    private Tensor apply(Tensor x, ColumnOp op) {
        DType type = floatType(x);
        Tensor out = Tensor.allocate(type, x.shape());
        View source = x.view();
        View target = out.view();
        int columns = scale.length;
        long n = x.size();
        for (int i = 0; i < n; i++) target.set(i, op.apply(type, round(type, source.get(i)), i % columns));
        return out;
    }

    private void requireFitted(Tensor x, String what) {
        if (scale == null) {
            throw new NnlError("this min_max_scaler is not fitted yet, so it cannot " + what, "call fit(x) or fit_transform(x) first");
        }
        int columns = columns(x, what);
        if (columns != scale.length) {
            throw new NnlError(what + ": x has " + columns + " column" + (columns == 1 ? "" : "s") + ", but the scaler was fitted on "
                    + scale.length);
        }
    }

    private Tensor vector(double[] values) {
        if (values == null) throw new NnlError("this min_max_scaler is not fitted yet", "call fit(x) first");
        return Tensor.ofDoubles(new long[] {values.length}, values, dtype);
    }

    private static int columns(Tensor x, String what) {
        if (x.rank() != 2) {
            throw new NnlError(what + " takes a 2-D tensor (rows of features), got " + x.describe(),
                    "a single column is reshape(x, [-1, 1]), as scikit-learn requires too");
        }
        return (int) x.shape()[1];
    }

    /** scikit-learn keeps float32 data in float32 and converts everything else to float64. */
    private static DType floatType(Tensor x) {
        return x.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** A float32 operation is the float64 one rounded once: the exact result of two floats fits in a double. */
    private static double round(DType type, double v) {
        return type == DType.FLOAT32 ? (float) v : v;
    }
}
