package dev.nnl.layers;

import dev.nnl.interp.Callable;
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
    private final Gates gates;
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;

    public Lstm(String name, String cellName, int units, boolean returnSequences, Gates gates) {
        super(name, units, returnSequences, cellName);
        this.gates = gates;
    }

    @Override public String typeName() { return "LSTM"; }

    @Override
    protected void buildCell(LayerCall call, long features) {
        kernel = addWeight(call, weightName("kernel"), new long[] {features, 4L * units}, gates.kernelInitializer(), true,
                gates.kernelRegularizer());
        recurrentKernel = addWeight(call, weightName("recurrent_kernel"), new long[] {units, 4L * units},
                gates.recurrentInitializer(), true, gates.recurrentRegularizer());
        if (gates.useBias()) bias = addWeight(call, weightName("bias"), biasValue(call), true, gates.biasRegularizer());
    }

    /** With unit_forget_bias, Keras's bias is [init(units), ones(units), init(2 · units)], drawn in that order. */
    private Tensor biasValue(LayerCall call) {
        Initializer init = gates.biasInitializer();
        if (!gates.unitForgetBias()) return init.create(new long[] {4L * units}, DType.FLOAT32, call.session().random());
        double[] input = init.create(new long[] {units}, DType.FLOAT32, call.session().random()).doubles();
        double[] rest = init.create(new long[] {2L * units}, DType.FLOAT32, call.session().random()).doubles();
        float[] value = new float[4 * units];
        for (int k = 0; k < units; k++) value[k] = (float) input[k];
        Arrays.fill(value, units, 2 * units, 1f);
        for (int k = 0; k < 2 * units; k++) value[2 * units + k] = (float) rest[k];
        return Tensor.ofFloats(new long[] {4L * units}, value);
    }

    @Override
    protected long inputPartWidth() { return 4L * units; }

    @Override
    protected Object inputPart(LayerCall call, Object x) {
        Object part = matmul(call, x, kernel);
        return bias == null ? part : call.apply(BinaryOp.ADD, Attrs.NONE, part, bias);
    }

    @Override
    protected Object[] step(LayerCall call, Object input, Object[] state) {
        Object z = state == null ? input : call.apply(BinaryOp.ADD, Attrs.NONE, input, matmul(call, state[0], recurrentKernel));
        Object i = gates.recurrent(call, gate(call, z, 0));
        Object candidate = gates.activate(call, gate(call, z, 2));
        Object o = gates.recurrent(call, gate(call, z, 3));
        Object kept = mul(call, i, candidate);
        // the first step's f · c_{t-1} is f · 0: exact zeros, left out
        Object c = state == null ? kept
                : call.apply(BinaryOp.ADD, Attrs.NONE, mul(call, gates.recurrent(call, gate(call, z, 1)), state[1]), kept);
        return new Object[] {mul(call, o, gates.activate(call, c)), c};
    }

    private static Object mul(LayerCall call, Object a, Object b) {
        return call.apply(BinaryOp.MULTIPLY, Attrs.NONE, a, b);
    }

    /** The settings an LSTM or GRU shares: activations, initializers, regularizers, bias. */
    public record Gates(Callable activation, Callable recurrentActivation, boolean useBias, Initializer kernelInitializer,
                        Initializer recurrentInitializer, Initializer biasInitializer, boolean unitForgetBias,
                        Callable kernelRegularizer, Callable recurrentRegularizer, Callable biasRegularizer) {
        Object activate(LayerCall call, Object x) {
            return activation == null ? x : call.call(activation, x);
        }

        Object recurrent(LayerCall call, Object x) {
            return recurrentActivation == null ? x : call.call(recurrentActivation, x);
        }
    }
}
