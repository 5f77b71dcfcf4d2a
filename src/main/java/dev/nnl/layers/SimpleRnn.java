package dev.nnl.layers;

import dev.nnl.interp.Callable;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;

/**
 * Keras's SimpleRNN: h_t = activation(x_t · kernel + bias + h_{t-1} · recurrent_kernel), tanh by default, with a zero
 * first state; kernels glorot_uniform and orthogonal, bias zeros, as Keras initializes them.
 */
public final class SimpleRnn extends Recurrent {
    private final Callable activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer recurrentInitializer;
    private final Initializer biasInitializer;
    private final Callable kernelRegularizer;
    private final Callable recurrentRegularizer;
    private final Callable biasRegularizer;
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;

    public SimpleRnn(String name, String cellName, int units, Callable activation, boolean useBias, boolean returnSequences,
                     Initializer kernelInitializer, Initializer recurrentInitializer, Initializer biasInitializer,
                     Callable kernelRegularizer, Callable recurrentRegularizer, Callable biasRegularizer) {
        super(name, units, returnSequences, cellName);
        this.activation = activation;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer;
        this.recurrentInitializer = recurrentInitializer;
        this.biasInitializer = biasInitializer;
        this.kernelRegularizer = kernelRegularizer;
        this.recurrentRegularizer = recurrentRegularizer;
        this.biasRegularizer = biasRegularizer;
    }

    @Override public String typeName() { return "SimpleRNN"; }

    @Override
    protected void buildCell(LayerCall call, long features) {
        kernel = addWeight(call, weightName("kernel"), new long[] {features, units}, kernelInitializer, true, kernelRegularizer);
        recurrentKernel = addWeight(call, weightName("recurrent_kernel"), new long[] {units, units}, recurrentInitializer, true,
                recurrentRegularizer);
        if (useBias) bias = addWeight(call, weightName("bias"), new long[] {units}, biasInitializer, true, biasRegularizer);
    }

    @Override
    protected long inputPartWidth() { return units; }

    @Override
    protected Object inputPart(LayerCall call, Object x) {
        Object part = matmul(call, x, kernel);
        return useBias ? call.apply(BinaryOp.ADD, Attrs.NONE, part, bias) : part;
    }

    @Override
    protected Object[] step(LayerCall call, Object input, Object[] state) {
        Object h = state == null ? input : call.apply(BinaryOp.ADD, Attrs.NONE, input, matmul(call, state[0], recurrentKernel));
        return new Object[] {activation == null ? h : call.call(activation, h)};
    }
}
