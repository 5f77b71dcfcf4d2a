package dev.nnl.ir.ops;

import dev.nnl.tensor.Tensor;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One run of an ND4J custom op that computes an IR op: the op's name and integer arguments, how many outputs it has
 * and which of them is the IR op's value. A backprop op gives the gradients of all its forward inputs (output k is
 * shaped like input k); a node keeps only its own and the caller provides or frees the others. Compiled plans run the
 * call into their own buffers.
 */
public record Nd4jCall(String op, int[] intArgs, int outputs, int result) {
    /** Runs on concrete tensors into new arrays; the outputs other than the result are freed at once. */
    public Tensor compute(List<Tensor> inputs) {
        INDArray[] in = inputs.stream().map(Tensor::array).toArray(INDArray[]::new);
        INDArray[] out = Nd4j.exec(DynamicCustomOp.builder(op).addInputs(in).addIntegerArguments(intArgs).build());
        for (int i = 0; i < out.length; i++) if (i != result) out[i].close();
        return new Tensor(out[result]);
    }
}
