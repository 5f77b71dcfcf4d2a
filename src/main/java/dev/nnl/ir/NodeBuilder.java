package dev.nnl.ir;

import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.List;

/**
 * Builds recipe nodes without values (gradients, optimizer updates, schedules): each node is typed by its op's own
 * shape rule and carries the span it is built for.
 */
public class NodeBuilder {
    private final Graph graph;
    private Span span;

    public NodeBuilder(Graph graph, Span span) {
        this.graph = graph;
        this.span = span;
    }

    public Graph graph() { return graph; }

    public Span span() { return span; }

    void at(Span span) { this.span = span; }

    public Node apply(OpDef op, Attrs attrs, Node... inputs) {
        List<Node> in = List.of(inputs);
        TensorType type = op.infer(in.stream().map(Node::type).toList(), attrs);
        return graph.node(op, in, attrs, type, span, null);
    }

    public Node scalar(double value, DType dtype) {
        return constant(Tensor.scalar(value, dtype));
    }

    public Node constant(Tensor t) {
        return graph.node(ConstOp.INSTANCE, List.of(), Attrs.of("value", t), TensorType.of(t.dtype(), t.shape()), span, t);
    }

    public Node add(Node a, Node b) { return apply(BinaryOp.ADD, Attrs.NONE, a, b); }

    public Node sub(Node a, Node b) { return apply(BinaryOp.SUBTRACT, Attrs.NONE, a, b); }

    public Node mul(Node a, Node b) { return apply(BinaryOp.MULTIPLY, Attrs.NONE, a, b); }

    public Node div(Node a, Node b) { return apply(BinaryOp.DIVIDE, Attrs.NONE, a, b); }

    public Node neg(Node a) { return apply(UnaryOp.NEGATIVE, Attrs.NONE, a); }

    public Node unary(UnaryOp op, Node a) { return apply(op, Attrs.NONE, a); }

    public Node mulScalar(Node a, double s) { return mul(a, scalar(s, a.type().dtype())); }

    /** 1 - s computed in the dtype, as TF computes (1 - beta1) from a float32 beta1. */
    public Node oneMinus(double s, dev.nnl.tensor.DType dtype) { return sub(scalar(1, dtype), scalar(s, dtype)); }

    public Node cast(Node a, DType dtype) {
        return a.type().dtype() == dtype ? a : apply(dev.nnl.ir.ops.CastOp.INSTANCE, Attrs.of("dtype", dtype), a);
    }
}
