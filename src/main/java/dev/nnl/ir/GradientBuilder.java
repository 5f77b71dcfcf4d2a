package dev.nnl.ir;

import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.GradientOps;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.List;
import java.util.Set;

/**
 * What gradient rules build with: nodes without values, typed by the ops' own shape rules, carrying the span of the
 * forward node they differentiate. It also tells a rule which inputs need a gradient at all.
 */
public final class GradientBuilder {
    private final Graph graph;
    private final Set<Node> needed;
    private Span span;

    GradientBuilder(Graph graph, Set<Node> needed) {
        this.graph = graph;
        this.needed = needed;
    }

    void at(Span span) { this.span = span; }

    /** Whether the gradient with respect to {@code input} is used (it depends on a source). */
    public boolean needs(Node input) { return needed.contains(input); }

    public Node apply(OpDef op, Attrs attrs, Node... inputs) {
        List<Node> in = List.of(inputs);
        TensorType type = op.infer(in.stream().map(Node::type).toList(), attrs);
        return graph.node(op, in, attrs, type, span, null);
    }

    public Node scalar(double value, DType dtype) {
        Tensor t = Tensor.scalar(value, dtype);
        return graph.node(ConstOp.INSTANCE, List.of(), Attrs.of("value", t), TensorType.of(dtype, new long[0]), span, t);
    }

    public Node add(Node a, Node b) { return apply(BinaryOp.ADD, Attrs.NONE, a, b); }

    public Node sub(Node a, Node b) { return apply(BinaryOp.SUBTRACT, Attrs.NONE, a, b); }

    public Node mul(Node a, Node b) { return apply(BinaryOp.MULTIPLY, Attrs.NONE, a, b); }

    public Node div(Node a, Node b) { return apply(BinaryOp.DIVIDE, Attrs.NONE, a, b); }

    public Node neg(Node a) { return apply(UnaryOp.NEGATIVE, Attrs.NONE, a); }

    public Node mulScalar(Node a, double s) { return mul(a, scalar(s, a.type().dtype())); }

    /** 1 where the comparison holds, else 0, in {@code like}'s dtype. */
    public Node mask(String comparison, Node a, Node b, DType like) {
        return apply(dev.nnl.ir.ops.CastOp.INSTANCE, Attrs.of("dtype", like), apply(CompareOp.of(comparison), Attrs.NONE, a, b));
    }

    /** Sums a broadcast gradient back to the shape of {@code like}. */
    public Node unbroadcast(Node grad, Node like) {
        if (grad.type().equals(like.type()) && like.type().isFullyKnown()) return grad;
        return apply(GradientOps.UNBROADCAST, Attrs.NONE, grad, like);
    }
}
