package dev.nnl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One ND4J custom op as NNL runs it: its name and integer arguments, how many outputs it has and which of them is the
 * result. A backprop op gives the gradients of all its forward inputs (output k is shaped like input k); the caller
 * keeps the result and frees the others. {@code oneDnn} lets ND4J use its oneDNN kernel where the loaded build has one
 * (conv2d and pooling run about ten times faster); matrix products keep to BLAS, whose order of summation every
 * build shares, so that trained numbers do not depend on the build.
 */
public record Nd4jCall(String name, int[] intArgs, int outputs, int result, boolean oneDnn) {
    /** ND4J's matrix product on two arrays (batched over leading dimensions). */
    public static final Nd4jCall MATMUL = new Nd4jCall("matmul", new int[0], 1, 0, false);

    /** A run of this call into fixed output arrays, repeated on new inputs; closing it frees its context. */
    public Runner runner(INDArray... outputArrays) {
        return new Runner(this, outputArrays);
    }

    /** Runs on these inputs into new arrays and returns the result, shaped {@code resultShape}. */
    public INDArray compute(long[] resultShape, INDArray... inputs) {
        INDArray[] out = new INDArray[outputs];
        for (int k = 0; k < outputs; k++) {
            out[k] = Nd4j.create(inputs[0].dataType(), k == result ? resultShape : inputs[k].shape(), 'c');
        }
        try (Runner r = runner(out)) {
            r.run(inputs);
        }
        for (int k = 0; k < outputs; k++) if (k != result) out[k].close();
        return out[result];
    }

    /** The op and its context (integer arguments, outputs), made once: building them per run allocates native memory. */
    public static final class Runner implements AutoCloseable {
        private final CustomOp op;
        private final OpContext context;
        private boolean closed;

        private Runner(Nd4jCall call, INDArray[] outputArrays) {
            op = DynamicCustomOp.builder(call.name).build();
            context = Nd4j.getExecutioner().buildContext();
            context.setIArguments(Arrays.stream(call.intArgs).asLongStream().toArray());
            context.allowHelpers(call.oneDnn);
            context.setOutputArrays(outputArrays);
        }

        public void run(INDArray... inputs) {
            context.setInputArrays(inputs);
            Nd4j.getExecutioner().exec(op, context);
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            try {
                context.close();
            } catch (Exception e) {
                throw new IllegalStateException("freeing an ND4J op context", e);
            }
        }
    }
}
