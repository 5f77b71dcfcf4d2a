package dev.nnl.layers;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;

/**
 * Keras's LSTM. With z = x_t · kernel + bias + h_{t-1} · recurrent_kernel split into the gates i, f, c, o (in that
 * order): c_t = σ(z_f) · c_{t-1} + σ(z_i) · tanh(z_c) and h_t = σ(z_o) · tanh(c_t), σ the recurrent activation
 * (sigmoid) and tanh the activation. The states start at zero; the forget gate's bias starts at one
 * (unit_forget_bias), the rest of the bias at zero.
 */
public final class Lstm extends Recurrent {
    public Lstm(String name, String cellName, int units, boolean returnSequences, CellSettings settings) {
        super(name, units, returnSequences, cellName, settings);
    }

    @Override public String typeName() { return "LSTM"; }

    @Override
    protected int gates() { return 4; }

    @Override
    protected Variable buildBias(LayerCall call) {
        return addWeight(call, weightName("bias"), biasValue(call), true, settings.biasRegularizer());
    }

    /** With unit_forget_bias, Keras's bias is [init(units), ones(units), init(2 · units)], drawn in that order. */
    private Tensor biasValue(LayerCall call) {
        Initializer init = settings.biasInitializer();
        if (!settings.unitForgetBias()) return init.create(new long[] {4L * units}, DType.FLOAT32, call.session().random());
        double[] input = init.create(new long[] {units}, DType.FLOAT32, call.session().random()).doubles();
        double[] rest = init.create(new long[] {2L * units}, DType.FLOAT32, call.session().random()).doubles();
        float[] value = new float[4 * units];
        for (int k = 0; k < units; k++) value[k] = (float) input[k];
        Arrays.fill(value, units, 2 * units, 1f);
        for (int k = 0; k < 2 * units; k++) value[2 * units + k] = (float) rest[k];
        return Tensor.ofFloats(new long[] {4L * units}, value);
    }

    @Override
    protected Object[] step(LayerCall call, Object input, Object[] state) {
        Object z = state == null ? input : call.apply(BinaryOp.ADD, Attrs.NONE, input, matmul(call, state[0], recurrentKernel));
        Object i = settings.gate(call, gate(call, z, 0));
        Object candidate = settings.activate(call, gate(call, z, 2));
        Object o = settings.gate(call, gate(call, z, 3));
        Object kept = mul(call, i, candidate);
        // the first step's f · c_{t-1} is f · 0: exact zeros, left out
        Object c = state == null ? kept
                : call.apply(BinaryOp.ADD, Attrs.NONE, mul(call, settings.gate(call, gate(call, z, 1)), state[1]), kept);
        return new Object[] {mul(call, o, settings.activate(call, c)), c};
    }

    private static Object mul(LayerCall call, Object a, Object b) {
        return call.apply(BinaryOp.MULTIPLY, Attrs.NONE, a, b);
    }
}
