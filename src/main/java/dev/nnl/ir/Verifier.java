package dev.nnl.ir;

import java.util.List;

/**
 * Checks the invariants every rewrite must keep: each node's type is what its op's rule gives for its inputs, and
 * every node that computes something carries the source span it came from. Plans verify their graphs after the
 * passes, so a broken rewrite fails at compile time with the node named.
 */
public final class Verifier {
    private Verifier() {}

    public static void verify(List<Node> roots) {
        for (Node n : Topology.order(roots)) {
            if (n.op() == ReadOp.INSTANCE) continue; // a variable's read node is shared by every recipe
            if (n.spans().isEmpty()) throw broken(n, "has no source span");
            if (n.inputs().isEmpty()) continue;
            TensorType inferred = n.op().infer(n.inputs().stream().map(Node::type).toList(), n.attrs());
            if (!inferred.equals(n.type())) {
                throw broken(n, "has type " + n.type() + " but its op gives " + inferred);
            }
        }
    }

    private static IllegalStateException broken(Node n, String problem) {
        return new IllegalStateException("IR verification failed: " + n.op().name() + " node " + n.id() + " " + problem);
    }
}
