package dev.nnl.ir;

import dev.nnl.ir.ops.GradientOps;
import dev.nnl.syntax.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation on the IR: from the target back to the sources, each op's gradient rule builds the
 * nodes of its input gradients, and gradients reaching a node by several paths are added. The result is IR too, so
 * the same plans, passes and kernels run it. A non-scalar target is differentiated as the sum of its elements.
 */
public final class Gradients {
    private Gradients() {}

    /** Gradient nodes for each source; null where the target does not depend on the source. */
    public static List<Node> of(Graph graph, Node target, List<List<Node>> sources, Span span) {
        List<Node> order = Topology.order(List.of(target));
        Set<Node> sourceNodes = new HashSet<>();
        for (List<Node> s : sources) sourceNodes.addAll(s);
        Set<Node> needed = new HashSet<>();
        for (Node n : order) {
            if (sourceNodes.contains(n)) needed.add(n);
            else for (Node in : n.inputs()) if (needed.contains(in)) {
                needed.add(n);
                break;
            }
        }
        GradientBuilder g = new GradientBuilder(graph, needed);
        Map<Node, Node> grads = new HashMap<>();
        if (needed.contains(target)) {
            g.at(span);
            grads.put(target, g.apply(GradientOps.ONES_LIKE, Attrs.NONE, target));
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            Node upstream = grads.get(n);
            if (upstream == null || n.inputs().isEmpty()) continue;
            g.at(n.span() == null ? span : n.span());
            List<Node> inputGrads = n.op().gradient(g, n, upstream);
            if (inputGrads == null) continue;
            for (int k = 0; k < n.inputs().size(); k++) {
                Node in = n.input(k);
                Node d = inputGrads.get(k);
                if (d == null || !needed.contains(in)) continue;
                Node previous = grads.get(in);
                grads.put(in, previous == null ? d : g.add(previous, d));
            }
        }
        List<Node> out = new ArrayList<>();
        for (List<Node> s : sources) {
            Node sum = null;
            for (Node n : s) {
                Node d = grads.get(n);
                if (d != null) sum = sum == null ? d : g.add(sum, d);
            }
            out.add(sum);
        }
        return out;
    }
}
