package dev.nnl.layers;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;

/**
 * Keras's SimpleRNN: h_t = activation(x_t · kernel + bias + h_{t-1} · recurrent_kernel), tanh by default, with a zero
 * first state; kernels glorot_uniform and orthogonal, bias zeros, as Keras initializes them.
 */
public final class SimpleRnn extends Recurrent {
    public SimpleRnn(String name, String cellName, int units, boolean returnSequences, CellSettings settings) {
        super(name, units, returnSequences, cellName, settings);
    }

    @Override public String typeName() { return "SimpleRNN"; }

    @Override
    protected int gates() { return 1; }

    @Override
    protected Variable buildBias(LayerCall call) {
        return addWeight(call, weightName("bias"), new long[] {units}, settings.biasInitializer(), true, settings.biasRegularizer());
    }

    @Override
    protected Object[] step(LayerCall call, Object input, Object[] state) {
        Object h = state == null ? input : call.apply(BinaryOp.ADD, Attrs.NONE, input, matmul(call, state[0], recurrentKernel));
        return new Object[] {settings.activate(call, h)};
    }
}
