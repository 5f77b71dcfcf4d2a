package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.DropoutMaskOp;
import dev.nnl.rng.TfRandom;
import dev.nnl.tensor.Tensor;

/** Inverted dropout: in training, zeroes a fraction {@code rate} of the inputs and scales the rest by 1/(1-rate). */
public final class Dropout extends Layer {
    private final double rate;
    private final Long seed;

    public Dropout(String name, double rate, Long seed) {
        super(name);
        if (!(rate >= 0 && rate < 1)) throw new NnlError("the dropout rate must be in [0, 1), got " + rate);
        this.rate = rate;
        this.seed = seed;
    }

    @Override public String typeName() { return "Dropout"; }

    @Override
    protected Object forward(LayerCall call, Object inputs) {
        if (!call.training() || rate == 0) return inputs;
        return apply(call, inputs, Tensor.scalar(1 - rate, TensorCalls.dtypeOf(inputs)), seed);
    }

    /** x · mask with a fresh random stream: the Keras layer and TF1's dropout(x, keep_prob) both use it. */
    public static Object apply(LayerCall call, Object x, Object keep, Long seed) {
        TfRandom stream = call.session().random().kernel("dropout", seed);
        Object mask = call.apply(DropoutMaskOp.INSTANCE, Attrs.of("stream", stream), x, keep);
        return call.apply(BinaryOp.MULTIPLY, Attrs.NONE, x, mask);
    }
}
