package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;

/**
 * Batch normalization over the last axis (the channels of NHWC images). Training normalizes with the batch's mean
 * and variance and moves the moving statistics towards them by {@code 1 - momentum}; inference uses the moving
 * ones. Four weights per channel: gamma and beta are trained, the moving mean and variance are not.
 */
public final class BatchNorm extends Layer {
    private final double momentum;
    private final double epsilon;
    private final boolean center;
    private final boolean scale;
    private Variable gamma;
    private Variable beta;
    private Variable movingMean;
    private Variable movingVariance;
    private int[] reduced;

    public BatchNorm(String name, double momentum, double epsilon, boolean center, boolean scale) {
        super(name);
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.center = center;
        this.scale = scale;
    }

    @Override public String typeName() { return "BatchNormalization"; }

    @Override
    protected void build(LayerCall call, TensorType input) {
        TensorType x = tensorInput(input);
        long channels = x.rank() == 0 ? Shapes.UNKNOWN : x.dims()[x.rank() - 1];
        if (x.rank() < 2 || channels == Shapes.UNKNOWN) {
            throw new NnlError("expects inputs of shape [batch, ..., channels] with the channels known, got " + x.showShape());
        }
        long[] shape = {channels};
        if (scale) gamma = addWeight(call, "gamma", shape, Initializer.named("ones"), true, null);
        if (center) beta = addWeight(call, "beta", shape, Initializer.ZEROS, true, null);
        movingMean = addWeight(call, "moving_mean", shape, Initializer.ZEROS, false, null);
        movingVariance = addWeight(call, "moving_variance", shape, Initializer.named("ones"), false, null);
        reduced = new int[x.rank() - 1];
        for (int i = 0; i < reduced.length; i++) reduced[i] = i;
    }

    @Override
    protected Object forward(LayerCall call, Object inputs) {
        Object x = call.floating(inputs);
        Object mean;
        Object variance;
        if (call.training()) {
            Attrs axes = Attrs.of("axes", reduced, "keepdims", false);
            mean = call.apply(ReduceOp.MEAN, axes, x);
            Object centered = call.apply(BinaryOp.SUBTRACT, Attrs.NONE, x, mean);
            variance = call.apply(ReduceOp.MEAN, axes, call.apply(UnaryOp.SQUARE, Attrs.NONE, centered));
            call.update(movingMean, moved(call, movingMean, mean));
            call.update(movingVariance, moved(call, movingVariance, variance));
        } else {
            mean = movingMean;
            variance = movingVariance;
        }
        Object inverse = call.apply(UnaryOp.RECIPROCAL, Attrs.NONE, call.apply(UnaryOp.SQRT, Attrs.NONE,
                call.apply(BinaryOp.ADD, Attrs.NONE, variance, scalar(epsilon))));
        if (gamma != null) inverse = call.apply(BinaryOp.MULTIPLY, Attrs.NONE, inverse, gamma);
        Object y = call.apply(BinaryOp.MULTIPLY, Attrs.NONE, call.apply(BinaryOp.SUBTRACT, Attrs.NONE, x, mean), inverse);
        return beta == null ? y : call.apply(BinaryOp.ADD, Attrs.NONE, y, beta);
    }

    /** moving · momentum + batch · (1 - momentum). */
    private Object moved(LayerCall call, Variable moving, Object batch) {
        Object kept = call.apply(BinaryOp.MULTIPLY, Attrs.NONE, moving, scalar(momentum));
        return call.apply(BinaryOp.ADD, Attrs.NONE, kept, call.apply(BinaryOp.MULTIPLY, Attrs.NONE, batch, scalar(1 - momentum)));
    }

    private static Tensor scalar(double v) {
        return Tensor.scalar(v, DType.FLOAT32);
    }
}
