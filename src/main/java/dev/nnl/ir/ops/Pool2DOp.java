package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.ShapeError;
import java.util.Arrays;
import java.util.List;

/**
 * tf.nn.max_pool and tf.nn.avg_pool: each channel of [batch, h, w, c] pools on its own. Attributes {@code ksize}
 * (int[2]), {@code strides} (int[2]) and {@code padding} ("SAME" or "VALID", see {@link Window}). Padded cells never
 * count: a maximum ignores them and an average divides by the real cells of its window only.
 */
public final class Pool2DOp extends WindowOp {
    public static final Pool2DOp MAX = new Pool2DOp("max");
    public static final Pool2DOp AVG = new Pool2DOp("avg");

    /** avgpool2d's divisor argument: 0 divides by the real cells only (maxpool2d ignores it). */
    private static final int REAL_CELLS = 0;

    private Pool2DOp(String kind) {
        super(kind + "_pool", kind + "pool2d", kind + "_pool_grad");
    }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        Window.requireImages(name(), x);
        long[] dims = window(attrs).outputDims(x, x.dims()[3], "window");
        return new TensorType(x.dtype(), dims, new String[] {x.names()[0], null, null, x.names()[3]});
    }

    @Override
    int[] intArgs(List<long[]> inputShapes, Attrs attrs) {
        return window(attrs).intArgs(REAL_CELLS);
    }

    private Window window(Attrs attrs) {
        int[] k = attrs.getInts("ksize");
        if (k.length != 2 || k[0] < 1 || k[1] < 1) {
            throw new ShapeError(name() + ": ksize " + Arrays.toString(k) + " must be two positive numbers [h, w]");
        }
        return Window.of(name(), k[0], k[1], attrs);
    }
}
