package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.ConcatOp;
import dev.nnl.ir.ops.MatMulOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.ir.ops.SliceOp;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Slicing;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keras recurrent layer over inputs [batch, time steps, features]: the cell's step runs once per time step, carrying
 * its state, and the layer returns the last output ([batch, units]) or, with return_sequences, every step's
 * ([batch, steps, units]). The loop is unrolled into IR ops, so autodiff and the plan compiler see an ordinary graph;
 * the input's part of every step is one matrix product over all steps, made before the loop.
 */
abstract class Recurrent extends Layer {
    protected final int units;
    protected final CellSettings settings;
    private final boolean returnSequences;
    /** The cell's name, which Keras puts between the layer's and the weight's: simple_rnn/simple_rnn_cell/kernel. */
    private final String cellName;

    /** The input's and the state's kernels, [features, gates · units] and [units, gates · units], and the bias. */
    protected Variable kernel;
    protected Variable recurrentKernel;
    protected Variable bias;

    Recurrent(String name, int units, boolean returnSequences, String cellName, CellSettings settings) {
        super(name);
        if (units <= 0) throw new NnlError("a recurrent layer needs a positive number of units, got " + units);
        this.units = units;
        this.settings = settings;
        this.returnSequences = returnSequences;
        this.cellName = cellName;
    }

    /** The number of gates, each as wide as the units (SimpleRNN 1, GRU 3, LSTM 4). */
    protected abstract int gates();

    /** Makes the bias, after the kernels. */
    protected abstract Variable buildBias(LayerCall call);

    /** The input's part of every step at once: x [batch · steps, features] times the kernel, plus the bias. */
    protected Object inputPart(LayerCall call, Object x) {
        Object part = matmul(call, x, kernel);
        return bias == null ? part : call.apply(BinaryOp.ADD, Attrs.NONE, part, bias);
    }

    /**
     * One step: the new state from this step's input part and the previous state, which is null at the first step
     * (where Keras's zero state contributes exact zeros). The state's first element is the step's output.
     */
    protected abstract Object[] step(LayerCall call, Object input, Object[] state);

    protected String weightName(String weight) {
        return cellName + "/" + weight;
    }

    @Override
    protected final void build(LayerCall call, TensorType input) {
        TensorType x = tensorInput(input);
        if (x.rank() != 3) {
            throw new NnlError("expects inputs of shape [batch, time steps, features], got " + x.showShape(),
                    "reshape the data, e.g. reshape(x, [len(x), steps, features]); embedding outputs already have this shape");
        }
        long features = x.dims()[2];
        if (features == Shapes.UNKNOWN) throw new NnlError("needs the number of features known, got " + x.showShape());
        long width = (long) gates() * units;
        kernel = addWeight(call, weightName("kernel"), new long[] {features, width}, settings.kernelInitializer(), true,
                settings.kernelRegularizer());
        recurrentKernel = addWeight(call, weightName("recurrent_kernel"), new long[] {units, width},
                settings.recurrentInitializer(), true, settings.recurrentRegularizer());
        if (settings.useBias()) bias = buildBias(call);
    }

    @Override
    protected final Object forward(LayerCall call, Object inputs) {
        Object x = call.floating(inputs);
        long[] shape = TensorCalls.shapeOf(x);
        long steps = shape[1];
        if (steps == Shapes.UNKNOWN) {
            throw new NnlError("needs the number of time steps known to unroll its loop, got " + Shapes.show(shape),
                    "give the input's shape with its steps, e.g. build([?, 4, 5])");
        }
        if (steps == 0) throw new NnlError("got inputs with no time steps: " + Shapes.show(shape));
        Object flat = call.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1, shape[2]}), x);
        Object parts = call.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1, steps, (long) gates() * units}),
                inputPart(call, flat));
        Object[] state = null;
        List<Object> outputs = new ArrayList<>();
        for (long t = 0; t < steps; t++) {
            Object part = call.apply(SliceOp.INSTANCE, Attrs.of("index", List.of(new Slicing.Slice(null, null, null),
                    new Slicing.Point(t))), parts);
            state = step(call, part, state);
            if (returnSequences) outputs.add(call.apply(ReshapeOp.EXPAND_DIMS, Attrs.of("axis", 1), state[0]));
        }
        if (!returnSequences) return state[0];
        return outputs.size() == 1 ? outputs.get(0) : call.apply(ConcatOp.INSTANCE, Attrs.of("axis", 1), outputs.toArray());
    }

    /** Gate k of a [batch, gates · units] tensor: its columns k · units to (k + 1) · units. */
    protected Object gate(LayerCall call, Object z, int k) {
        return call.apply(SliceOp.INSTANCE, Attrs.of("index", List.of(new Slicing.Slice(null, null, null),
                new Slicing.Slice((long) k * units, (long) (k + 1) * units, null))), z);
    }

    /** a · b, for the cell's products. */
    protected static Object matmul(LayerCall call, Object a, Object b) {
        return call.apply(MatMulOp.INSTANCE, Attrs.NONE, a, b);
    }
}
