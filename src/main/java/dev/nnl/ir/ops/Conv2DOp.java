package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import java.util.List;

/**
 * tf.nn.conv2d: input [batch, h, w, in] and filter [kh, kw, in, out] give [batch, h', w', out]. Attributes
 * {@code strides} (int[2]: along height and width) and {@code padding} ("SAME" or "VALID", see {@link Window}).
 */
public final class Conv2DOp extends WindowOp {
    public static final Conv2DOp INSTANCE = new Conv2DOp();

    private Conv2DOp() {
        super("conv2d", "conv2d", "conv2d_input_grad", "conv2d_filter_grad");
    }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        TensorType f = in.get(1);
        Window.requireImages("conv2d", x);
        TypeRules.sameDType("conv2d", x, f);
        if (f.rank() != 4) {
            throw new ShapeError("conv2d: filters must be 4-D [height, width, in_channels, out_channels], got shape "
                    + f.showShape(), "a 2x2 filter on one channel is reshape(f, [2, 2, 1, 1])");
        }
        long channels = x.dims()[3];
        long expected = f.dims()[2];
        if (channels != expected && channels != Shapes.UNKNOWN && expected != Shapes.UNKNOWN) {
            throw new ShapeError("conv2d: input has " + channels + " channels but the filter expects " + expected,
                    "the filter's third dimension is the number of input channels");
        }
        long[] dims = window(f.dims(), attrs).outputDims(x, f.dims()[3], "filter");
        return new TensorType(x.dtype(), dims, new String[] {x.names()[0], null, null, f.names()[3]});
    }

    /** ND4J's filter layout [kH, kW, iC, oC] (its default) is TF's. */
    @Override
    int[] intArgs(List<long[]> inputShapes, Attrs attrs) {
        return window(inputShapes.get(1), attrs).intArgs();
    }

    private static Window window(long[] filter, Attrs attrs) {
        return Window.of("conv2d", filter[0], filter[1], attrs);
    }
}
