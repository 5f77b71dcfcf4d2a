package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Reductions;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import dev.nnl.tensor.Unary;
import java.util.Collections;
import java.util.List;

/**
 * log(softmax(x)) along attribute {@code axis}, computed as x - max - log(Σ exp(x - max)) so it never overflows. One
 * op rather than its parts because its gradient, dy - softmax · Σdy, needs none of the max's.
 */
public final class LogSoftmaxOp implements OpDef {
    public static final LogSoftmaxOp INSTANCE = new LogSoftmaxOp();

    private LogSoftmaxOp() {}

    @Override public String name() { return "log_softmax"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        return SoftmaxOp.alongAxis(name(), in.get(0), attrs);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        Tensor x = in.get(0);
        int[] axis = {attrs.getInt("axis")};
        Tensor shifted = TensorOps.arithmetic("-", x, Reductions.reduce("max", x, axis, true));
        Tensor logSum = Unary.apply("log", Reductions.reduce("sum", Unary.apply("exp", shifted), axis, true));
        return TensorOps.arithmetic("-", shifted, logSum);
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        Attrs sum = Attrs.of("axes", new int[] {node.attrs().getInt("axis")}, "keepdims", true);
        Node softmax = g.apply(UnaryOp.EXP, Attrs.NONE, node);
        return Collections.singletonList(g.sub(dy, g.mul(softmax, g.apply(ReduceOp.SUM, sum, dy))));
    }
}
