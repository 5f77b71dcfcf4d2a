package dev.nnl.layers;

import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.SliceOp;
import dev.nnl.tensor.Slicing;
import java.util.List;

/**
 * Keras's GRU as TF2 defines it (reset_after): with the input's part x_t · kernel + input_bias and the recurrent part
 * h_{t-1} · recurrent_kernel + recurrent_bias, each split into the gates z, r, h (in that order),
 * z = σ(x_z + rec_z), r = σ(x_r + rec_r), h̃ = tanh(x_h + r · rec_h) and h_t = z · h_{t-1} + (1 - z) · h̃. The bias
 * is [2, 3 · units]: the input bias, then the recurrent one.
 */
public final class Gru extends Recurrent {
    public Gru(String name, String cellName, int units, boolean returnSequences, CellSettings settings) {
        super(name, units, returnSequences, cellName, settings);
    }

    @Override public String typeName() { return "GRU"; }

    @Override
    protected int gates() { return 3; }

    @Override
    protected Variable buildBias(LayerCall call) {
        return addWeight(call, weightName("bias"), new long[] {2, 3L * units}, settings.biasInitializer(), true,
                settings.biasRegularizer());
    }

    /** The input's part takes the input bias alone (row 0). */
    @Override
    protected Object inputPart(LayerCall call, Object x) {
        Object part = matmul(call, x, kernel);
        return bias == null ? part : call.apply(BinaryOp.ADD, Attrs.NONE, part, biasRow(call, 0));
    }

    @Override
    protected Object[] step(LayerCall call, Object input, Object[] state) {
        // the first step's h_{t-1} is zero, so its recurrent part is the recurrent bias alone (or nothing)
        Object recurrent = state == null ? (bias == null ? null : biasRow(call, 1))
                : bias == null ? matmul(call, state[0], recurrentKernel)
                : call.apply(BinaryOp.ADD, Attrs.NONE, matmul(call, state[0], recurrentKernel), biasRow(call, 1));
        Object z = settings.gate(call, plus(call, gate(call, input, 0), recurrentGate(call, recurrent, 0)));
        Object r = settings.gate(call, plus(call, gate(call, input, 1), recurrentGate(call, recurrent, 1)));
        Object recurrentH = recurrentGate(call, recurrent, 2);
        Object candidate = settings.activate(call, recurrentH == null ? gate(call, input, 2)
                : plus(call, gate(call, input, 2), call.apply(BinaryOp.MULTIPLY, Attrs.NONE, r, recurrentH)));
        Object h = call.apply(BinaryOp.MULTIPLY, Attrs.NONE, call.apply(BinaryOp.SUBTRACT, Attrs.NONE, 1.0, z), candidate);
        if (state != null) h = plus(call, call.apply(BinaryOp.MULTIPLY, Attrs.NONE, z, state[0]), h);
        return new Object[] {h};
    }

    /** Gate k of the recurrent part: of a [batch, 3 · units] product, or of the [3 · units] bias at the first step. */
    private Object recurrentGate(LayerCall call, Object recurrent, int k) {
        if (recurrent == null) return null;
        if (TensorCalls.shapeOf(recurrent).length == 2) return gate(call, recurrent, k);
        return call.apply(SliceOp.INSTANCE, Attrs.of("index", List.of(new Slicing.Slice((long) k * units, (long) (k + 1) * units, null))),
                recurrent);
    }

    private Object biasRow(LayerCall call, int row) {
        return call.apply(SliceOp.INSTANCE, Attrs.of("index", List.of(new Slicing.Point(row))), bias);
    }

    private static Object plus(LayerCall call, Object a, Object b) {
        return b == null ? a : call.apply(BinaryOp.ADD, Attrs.NONE, a, b);
    }
}
