package dev.nnl.ir;

import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.GradientOps;
import dev.nnl.tensor.DType;
import java.util.Set;

/**
 * What gradient rules build with: a {@link NodeBuilder} that also tells a rule which inputs need a gradient at all,
 * and builds the masks and un-broadcasting that many rules share.
 */
public final class GradientBuilder extends NodeBuilder {
    private final Set<Node> needed;

    GradientBuilder(Graph graph, Set<Node> needed) {
        super(graph, null);
        this.needed = needed;
    }

    /** Whether the gradient with respect to {@code input} is used (it depends on a source). */
    public boolean needs(Node input) { return needed.contains(input); }

    /** 1 where the comparison holds, else 0, in {@code like}'s dtype. */
    public Node mask(String comparison, Node a, Node b, DType like) {
        return cast(apply(CompareOp.of(comparison), Attrs.NONE, a, b), like);
    }

    /** Sums a broadcast gradient back to the shape of {@code like}. */
    public Node unbroadcast(Node grad, Node like) {
        if (grad.type().equals(like.type()) && like.type().isFullyKnown()) return grad;
        return apply(GradientOps.UNBROADCAST, Attrs.NONE, grad, like);
    }
}
