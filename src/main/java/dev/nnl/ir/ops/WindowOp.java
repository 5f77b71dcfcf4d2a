package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.tensor.Nd4jCall;
import java.util.ArrayList;
import java.util.List;

/**
 * An op over NHWC images that one ND4J op computes, and whose gradients ND4J's matching backprop op (the name with
 * "_bp") computes from the forward inputs and the upstream gradient, with the same integer arguments.
 */
public abstract class WindowOp implements NativeOp {
    private final String name;
    private final String nd4jOp;
    private final List<WindowGradOp> grads = new ArrayList<>();

    /** {@code gradNames}: the name of the gradient op for each input. */
    WindowOp(String name, String nd4jOp, String... gradNames) {
        this.name = name;
        this.nd4jOp = nd4jOp;
        for (int k = 0; k < gradNames.length; k++) grads.add(new WindowGradOp(gradNames[k], this, k));
    }

    @Override public String name() { return name; }

    String nd4jOp() { return nd4jOp; }

    /** ND4J's integer arguments, shared by the forward and the backprop op. */
    abstract int[] intArgs(List<long[]> inputShapes, Attrs attrs);

    @Override
    public Nd4jCall call(List<long[]> inputShapes, Attrs attrs) {
        return new Nd4jCall(nd4jOp, intArgs(inputShapes, attrs), 1, 0, true);
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        Node[] operands = node.inputs().toArray(new Node[node.inputs().size() + 1]);
        operands[operands.length - 1] = dy;
        List<Node> out = new ArrayList<>();
        for (int k = 0; k < node.inputs().size(); k++) {
            out.add(g.needs(node.input(k)) ? g.apply(grads.get(k), node.attrs(), operands) : null);
        }
        return out;
    }
}
