package dev.nnl.pipeline;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlTuple;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;

/**
 * The course's time-series examples: each run of {@code size} consecutive values, paired with the value that
 * follows it. For a series s of n rows, window i is s[i : i + size] and its target s[i + size] — the course's loop
 * {@code for i in range(60, n): x.append(s[i - 60:i, 0]); y.append(s[i, 0])}, keeping the feature axis.
 */
public final class SlidingWindows {
    private SlidingWindows() {}

    /** (x, y): x is [n − size, size, ...] and y is [n − size, ...], where ... is the shape of one row of the series. */
    public static NnlTuple of(Tensor series, long size) {
        if (series.rank() == 0) throw new NnlError("sliding_windows takes a series (one row per time step), got a scalar");
        if (size <= 0) throw new NnlError("sliding_windows: size must be positive, got " + size);
        long n = series.shape()[0];
        if (n <= size) {
            throw new NnlError("sliding_windows: a series of " + n + " steps has no window of " + size + " followed by a target",
                    "the series needs at least size + 1 steps");
        }
        long count = n - size;
        long[] rowShape = java.util.Arrays.copyOfRange(series.shape(), 1, series.rank());
        int row = (int) (series.size() / n);
        long[] xShape = new long[rowShape.length + 2];
        xShape[0] = count;
        xShape[1] = size;
        System.arraycopy(rowShape, 0, xShape, 2, rowShape.length);
        long[] yShape = new long[rowShape.length + 1];
        yShape[0] = count;
        System.arraycopy(rowShape, 0, yShape, 1, rowShape.length);
        Tensor x = Tensor.allocate(series.dtype(), xShape);
        Tensor y = Tensor.allocate(series.dtype(), yShape);
        View source = series.view();
        View xs = x.view();
        View ys = y.view();
        int window = (int) size * row;
        for (int i = 0; i < count; i++) {
            // window i is the block of rows i .. i + size - 1, contiguous in the series
            for (int k = 0; k < window; k++) xs.set(i * window + k, source.get(i * row + k));
            for (int k = 0; k < row; k++) ys.set(i * row + k, source.get((i + (int) size) * row + k));
        }
        return NnlTuple.of(x, y);
    }
}
