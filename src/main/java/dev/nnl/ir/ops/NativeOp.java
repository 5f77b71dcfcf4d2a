package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Nd4jCall;
import dev.nnl.tensor.Tensor;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An op computed by one ND4J custom op, so that compiled plans can run it straight into their own buffers. */
public interface NativeOp extends OpDef {
    /** The ND4J call for inputs of these concrete shapes. */
    Nd4jCall call(List<long[]> inputShapes, Attrs attrs);

    /**
     * Whether a node of {@code other} on the same inputs and attributes is another output of this op's ND4J call, so
     * that one run can give both (conv2d_bp gives the image's and the filter's gradient together).
     */
    default boolean sharesCallWith(OpDef other) { return false; }

    @Override
    default Tensor compute(List<Tensor> inputs, Attrs attrs) {
        long[] shape = infer(inputs.stream().map(t -> TensorType.of(t.dtype(), t.shape())).toList(), attrs).dims();
        INDArray[] arrays = inputs.stream().map(Tensor::array).toArray(INDArray[]::new);
        return new Tensor(call(inputs.stream().map(Tensor::shape).toList(), attrs).compute(shape, arrays));
    }
}
