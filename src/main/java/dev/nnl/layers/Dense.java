package dev.nnl.layers;

import dev.nnl.interp.Callable;
import dev.nnl.interp.NnlError;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.MatMulOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.interp.TensorCalls;
import dev.nnl.tensor.Shapes;

/** activation(x · kernel + bias) over the last axis of x. */
public final class Dense extends Layer {
    private final int units;
    private final Callable activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private final Callable kernelRegularizer;
    private final Callable biasRegularizer;
    private Variable kernel;
    private Variable bias;

    public Dense(String name, int units, Callable activation, boolean useBias, Initializer kernelInitializer,
                 Initializer biasInitializer, Callable kernelRegularizer, Callable biasRegularizer) {
        super(name);
        if (units <= 0) throw new NnlError("dense needs a positive number of units, got " + units);
        this.units = units;
        this.activation = activation;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer;
        this.biasInitializer = biasInitializer;
        this.kernelRegularizer = kernelRegularizer;
        this.biasRegularizer = biasRegularizer;
    }

    @Override public String typeName() { return "Dense"; }

    @Override
    protected void build(LayerCall call, TensorType input) {
        TensorType x = tensorInput(input);
        long features = x.rank() == 0 ? Shapes.UNKNOWN : x.dims()[x.rank() - 1];
        if (x.rank() < 2 || features == Shapes.UNKNOWN) {
            throw new NnlError("expects inputs of shape [batch, ..., features] with the features known, got "
                    + x.showShape(), "flatten() images first, or give the input's shape, e.g. build([?, 4])");
        }
        kernel = addWeight(call, "kernel", new long[] {features, units}, kernelInitializer, true, kernelRegularizer);
        if (useBias) bias = addWeight(call, "bias", new long[] {units}, biasInitializer, true, biasRegularizer);
    }

    @Override
    protected Object forward(LayerCall call, Object inputs) {
        Object x = call.floating(inputs);
        long[] shape = TensorCalls.shapeOf(x);
        Object flat = shape.length == 2 ? x
                : call.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1, shape[shape.length - 1]}), x);
        Object y = call.apply(MatMulOp.INSTANCE, Attrs.NONE, flat, kernel);
        if (shape.length != 2) {
            long[] out = shape.clone();
            out[out.length - 1] = units;
            for (int i = 0; i < out.length; i++) if (out[i] == Shapes.UNKNOWN) out[i] = -1;
            y = call.apply(ReshapeOp.RESHAPE, Attrs.of("shape", out), y);
        }
        if (useBias) y = call.apply(BinaryOp.ADD, Attrs.NONE, y, bias);
        return activation == null ? y : call.call(activation, y);
    }
}
