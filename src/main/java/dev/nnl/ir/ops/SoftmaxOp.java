package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Reductions;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import dev.nnl.tensor.Unary;
import java.util.Collections;
import java.util.List;

/** softmax along attribute {@code axis}: exp(x - max) / sum(exp(x - max)). */
public final class SoftmaxOp implements OpDef {
    public static final SoftmaxOp INSTANCE = new SoftmaxOp();

    private SoftmaxOp() {}

    @Override public String name() { return "softmax"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        return alongAxis(name(), in.get(0), attrs);
    }

    /** The type rule of softmax and log_softmax: float logits, a valid axis, the logits' type out. */
    static TensorType alongAxis(String op, TensorType x, Attrs attrs) {
        if (!x.dtype().isFloating()) throw new ShapeError(op + " needs float logits, got " + x.dtype(), "cast(x, float32)");
        Shapes.axis(attrs.getInt("axis"), x.rank());
        return x;
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        Tensor x = in.get(0);
        int[] axis = {attrs.getInt("axis")};
        Tensor shifted = TensorOps.arithmetic("-", x, Reductions.reduce("max", x, axis, true));
        Tensor e = Unary.apply("exp", shifted);
        return TensorOps.arithmetic("/", e, Reductions.reduce("sum", e, axis, true));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        Attrs sum = Attrs.of("axes", new int[] {node.attrs().getInt("axis")}, "keepdims", true);
        Node dot = g.apply(ReduceOp.SUM, sum, g.mul(dy, node));
        return Collections.singletonList(g.mul(node, g.sub(dy, dot)));
    }
}
