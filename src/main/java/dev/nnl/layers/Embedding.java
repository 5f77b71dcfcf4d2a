package dev.nnl.layers;

import dev.nnl.interp.Callable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.GatherOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;

/**
 * Keras's Embedding: integer ids of any shape pick rows of a trainable [input_dim, output_dim] matrix, so the output
 * gains a last axis of output_dim. Float ids are cast to int32 first, as Keras does.
 */
public final class Embedding extends Layer {
    private final int inputDim;
    private final int outputDim;
    private final Initializer initializer;
    private final Callable regularizer;
    private Variable embeddings;

    public Embedding(String name, int inputDim, int outputDim, Initializer initializer, Callable regularizer) {
        super(name);
        if (inputDim <= 0 || outputDim <= 0) {
            throw new NnlError("embedding needs a positive input_dim (the vocabulary size) and output_dim, got "
                    + inputDim + " and " + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.initializer = initializer;
        this.regularizer = regularizer;
    }

    @Override public String typeName() { return "Embedding"; }

    @Override
    protected void build(LayerCall call, TensorType input) {
        TensorType ids = tensorInput(input);
        if (ids.dtype() == DType.BOOL) throw new NnlError("expects integer ids, got bool", "cast them: cast(ids, int32)");
        embeddings = addWeight(call, "embeddings", new long[] {inputDim, outputDim}, initializer, true, regularizer);
    }

    @Override
    public void checkData(Tensor x, String which) {
        View ids = x.view();
        long perRow = x.shape().length == 0 || x.shape()[0] == 0 ? 1 : x.size() / x.shape()[0];
        for (int i = 0; i < x.size(); i++) {
            double id = ids.get(i);
            if (id < 0 || id >= inputDim) {
                throw new NnlError("layer '" + name() + "' (Embedding): " + which + " input id " + (id == Math.rint(id) ? String.valueOf((long) id) : String.valueOf(id)) + " (row "
                        + i / perRow + ") is not in [0, " + inputDim + ")",
                        "input_dim is the vocabulary size: it must exceed every id");
            }
        }
    }

    @Override
    protected Object forward(LayerCall call, Object inputs) {
        DType dtype = TensorCalls.dtypeOf(inputs);
        Object ids = dtype.isInteger() ? inputs : call.apply(CastOp.INSTANCE, Attrs.of("dtype", DType.INT32), inputs);
        return call.apply(GatherOp.GATHER, Attrs.of("axis", 0), embeddings, ids);
    }
}
