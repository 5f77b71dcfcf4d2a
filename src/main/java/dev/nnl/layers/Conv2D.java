package dev.nnl.layers;

import dev.nnl.interp.Callable;
import dev.nnl.interp.NnlError;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.Conv2DOp;
import dev.nnl.tensor.Shapes;

/** A 2-D convolution over NHWC images: activation(conv2d(x, kernel) + bias), kernels [h, w, in, filters]. */
public final class Conv2D extends Layer {
    private final int filters;
    private final int[] kernelSize;
    private final Attrs window;
    private final Callable activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private final Callable kernelRegularizer;
    private Variable kernel;
    private Variable bias;

    public Conv2D(String name, int filters, int[] kernelSize, int[] strides, String padding, Callable activation,
                  boolean useBias, Initializer kernelInitializer, Initializer biasInitializer, Callable kernelRegularizer) {
        super(name);
        if (filters <= 0) throw new NnlError("conv2d needs a positive number of filters, got " + filters);
        this.filters = filters;
        this.kernelSize = kernelSize;
        this.window = Pooling2D.window(null, strides, padding);
        this.activation = activation;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer;
        this.biasInitializer = biasInitializer;
        this.kernelRegularizer = kernelRegularizer;
    }

    @Override public String typeName() { return "Conv2D"; }

    @Override
    protected void build(LayerCall call, TensorType input) {
        TensorType x = tensorInput(input);
        if (x.rank() != 4 || x.dims()[3] == Shapes.UNKNOWN) {
            throw new NnlError("expects images [batch, height, width, channels] with the channels known, got " + x.showShape(),
                    "reshape grey images to [N, 28, 28, 1]");
        }
        long[] shape = {kernelSize[0], kernelSize[1], x.dims()[3], filters};
        kernel = addWeight(call, "kernel", shape, kernelInitializer, true, kernelRegularizer);
        if (useBias) bias = addWeight(call, "bias", new long[] {filters}, biasInitializer, true, null);
    }

    @Override
    protected Object forward(LayerCall call, Object inputs) {
        Object y = call.apply(Conv2DOp.INSTANCE, window, call.floating(inputs), kernel);
        if (useBias) y = call.apply(BinaryOp.ADD, Attrs.NONE, y, bias);
        return activation == null ? y : call.call(activation, y);
    }
}
