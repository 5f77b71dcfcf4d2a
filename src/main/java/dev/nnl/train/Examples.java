package dev.nnl.train;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;

/** Features and labels, one example per row, from which fit, evaluate and predict cut their batches. */
final class Examples {
    private final Tensor x;
    private final Tensor y;
    // element access made once: a view of a sliced array copies it, which must not happen for every batch
    private final View xView;
    private final View yView;

    Examples(Tensor x, Tensor y) {
        if (x.rank() == 0) throw new NnlError("the inputs must have one row per example, got a scalar");
        if (y != null && (y.rank() == 0 || y.shape()[0] != x.shape()[0])) {
            throw new NnlError("the inputs have " + x.shape()[0] + " examples but the labels "
                    + (y.rank() == 0 ? "are a scalar" : "have " + y.shape()[0]), "give one label per example");
        }
        this.x = x;
        this.y = y;
        this.xView = x.view();
        this.yView = y == null ? null : y.view();
    }

    Tensor x() { return x; }

    Tensor y() { return y; }

    int count() { return (int) x.shape()[0]; }

    /** The rows [from, to) of this set, taken through {@code order} (a shuffled epoch) when it is not null. */
    Examples rows(int[] order, int from, int to) {
        return new Examples(rows(x, xView, order, from, to, FEATURES),
                y == null ? null : rows(y, yView, order, from, to, labelType(y)));
    }

    /** The last {@code fraction} of the rows and the rest: Keras's validation_split takes the end, unshuffled. */
    Examples[] split(double fraction) {
        if (!(fraction > 0 && fraction < 1)) throw new NnlError("validation_split must be between 0 and 1, got " + fraction);
        int at = (int) (count() * (1 - fraction));
        if (at == 0 || at == count()) throw new NnlError("validation_split=" + fraction + " of " + count() + " examples leaves no "
                + (at == 0 ? "training" : "validation") + " data");
        return new Examples[] {rows(null, 0, at), rows(null, at, count())};
    }

    private static final long NATIVE_BATCH = 4096;

    /** Models compute in float32: pixels and other numbers are converted as batches are cut. */
    static final DType FEATURES = DType.FLOAT32;

    /** Class indices stay integers; float targets become float32. */
    static DType labelType(Tensor t) {
        return t.dtype().isFloating() || t.dtype() == DType.BOOL ? DType.FLOAT32 : DType.INT64;
    }

    /**
     * A batch from a dataset or generator in the dtypes the step was traced with (float32 features, int64 or float32
     * labels); the tensors that already have them are used as they are.
     */
    static Examples converted(Tensor x, Tensor y) {
        return new Examples(x.cast(FEATURES), y == null ? null : y.cast(labelType(y)));
    }

    /** Frees the native memory of the copies {@link #converted} made of {@code batch} (the source frees its own). */
    void releaseConversions(Tensor[] batch) {
        if (x != batch[0] && x.heap() == null) x.array().close();
        if (y != null && y != batch[1] && y.heap() == null) y.array().close();
    }

    /** Frees the native memory of a batch that was cut from a larger set (the set itself stays). */
    void release() {
        if (x.heap() == null) x.array().close();
        if (y != null && y.heap() == null) y.array().close();
    }

    private static Tensor rows(Tensor t, View source, int[] order, int from, int to, DType dtype) {
        long[] shape = t.shape().clone();
        shape[0] = to - from;
        int row = (int) (Shapes.size(t.shape()) / t.shape()[0]);
        // batches the size of a plan's native slots are native too, so ND4J kernels read them without a copy
        Tensor out = Shapes.size(shape) > NATIVE_BATCH ? new Tensor(org.nd4j.linalg.factory.Nd4j.create(dtype.nd4j, shape, 'c'))
                : Tensor.allocate(dtype, shape);
        View target = out.view();
        for (int r = from; r < to; r++) {
            int src = (order == null ? r : order[r]) * row;
            int dst = (r - from) * row;
            for (int i = 0; i < row; i++) target.set(dst + i, source.get(src + i));
        }
        return out;
    }
}
