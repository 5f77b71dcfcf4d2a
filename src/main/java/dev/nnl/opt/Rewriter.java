package dev.nnl.opt;

import dev.nnl.ir.Node;
import dev.nnl.ir.Topology;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Walks a graph inputs-first and rebuilds each node whose inputs were replaced, then lets a pass replace the node
 * itself; the shared machinery of the passes.
 */
final class Rewriter {
    private Rewriter() {}

    static List<Node> rewrite(List<Node> roots, Function<Node, Node> replace) {
        Map<Node, Node> done = new IdentityHashMap<>();
        for (Node n : Topology.order(roots)) {
            List<Node> inputs = new ArrayList<>(n.inputs().size());
            boolean changed = false;
            for (Node in : n.inputs()) {
                Node r = done.get(in);
                inputs.add(r);
                changed |= r != in;
            }
            Node rebuilt = changed ? n.withInputs(inputs) : n;
            done.put(n, replace.apply(rebuilt));
        }
        List<Node> out = new ArrayList<>();
        for (Node r : roots) out.add(done.get(r));
        return out;
    }
}
