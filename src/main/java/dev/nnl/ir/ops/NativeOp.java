package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.tensor.Tensor;
import java.util.List;

/** An op computed by one ND4J custom op, so that compiled plans can run it straight into their own buffers. */
public interface NativeOp extends OpDef {
    /** The ND4J call for inputs of these concrete shapes. */
    Nd4jCall call(List<long[]> inputShapes, Attrs attrs);

    @Override
    default Tensor compute(List<Tensor> inputs, Attrs attrs) {
        return call(inputs.stream().map(Tensor::shape).toList(), attrs).compute(inputs);
    }
}
