package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Nd4jCall;
import java.util.List;

/**
 * The gradient of a {@link WindowOp} with respect to one of its inputs: inputs are the forward op's inputs followed by
 * the upstream gradient. ND4J's backprop op gives the gradients of all forward inputs in one run (conv2d_bp both the
 * image's and the filter's); this node keeps its own, and a compiled plan runs the call once for all of them.
 */
final class WindowGradOp implements NativeOp {
    private final String name;
    private final WindowOp forward;
    private final int index;

    WindowGradOp(String name, WindowOp forward, int index) {
        this.name = name;
        this.forward = forward;
        this.index = index;
    }

    @Override public String name() { return name; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType like = in.get(index);
        return new TensorType(in.get(in.size() - 1).dtype(), like.dims(), like.names());
    }

    @Override
    public boolean sharesCallWith(OpDef other) {
        return other instanceof WindowGradOp g && g.forward == forward && g.index != index;
    }

    @Override
    public Nd4jCall call(List<long[]> inputShapes, Attrs attrs) {
        int forwardInputs = inputShapes.size() - 1;
        return new Nd4jCall(forward.nd4jOp() + "_bp", forward.intArgs(inputShapes.subList(0, forwardInputs), attrs),
                forwardInputs, index, true);
    }
}
