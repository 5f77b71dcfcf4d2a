package dev.nnl.ir;

import dev.nnl.ir.ops.GradientOps;
import dev.nnl.ir.ops.SlicesGradOp;
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
        // every node's contributions, in the order they arrive; a node's consumers all come before it in reverse order
        Map<Node, List<Node>> contributions = new HashMap<>();
        if (needed.contains(target)) {
            g.at(span);
            contributions.put(target, List.of(g.apply(GradientOps.ONES_LIKE, Attrs.NONE, target)));
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            if (n.inputs().isEmpty() || !contributions.containsKey(n)) continue;
            g.at(n.span() == null ? span : n.span());
            Node upstream = sum(g, contributions.get(n));
            List<Node> inputGrads = n.op().gradient(g, n, upstream);
            if (inputGrads == null) continue;
            for (int k = 0; k < n.inputs().size(); k++) {
                Node in = n.input(k);
                Node d = inputGrads.get(k);
                if (d != null && needed.contains(in)) contributions.computeIfAbsent(in, x -> new ArrayList<>()).add(d);
            }
        }
        List<Node> out = new ArrayList<>();
        for (List<Node> s : sources) {
            List<Node> all = new ArrayList<>();
            for (Node n : s) {
                List<Node> d = contributions.get(n);
                if (d != null) all.add(sum(g, d));
            }
            out.add(all.isEmpty() ? null : sum(g, all));
        }
        return out;
    }

    /**
     * The contributions added in order; a run of slice gradients of one tensor becomes a single slices_grad, which
     * adds them in the same order (so the sums are bit for bit those of the additions).
     */
    private static Node sum(GradientBuilder g, List<Node> contributions) {
        Node total = null;
        for (int i = 0; i < contributions.size(); ) {
            int end = i + 1;
            while (end < contributions.size() && sameSliced(contributions.get(i), contributions.get(end))) end++;
            Node part = end - i > 1 ? merged(g, contributions.subList(i, end)) : contributions.get(i);
            total = total == null ? part : g.add(total, part);
            i = end;
        }
        return total;
    }

    private static boolean sameSliced(Node a, Node b) {
        return a.op() == SlicesGradOp.INSTANCE && b.op() == SlicesGradOp.INSTANCE && a.input(0) == b.input(0)
                && a.type().dtype() == b.type().dtype();
    }

    /** One slices_grad with the parts of all of these, in order. */
    private static Node merged(GradientBuilder g, List<Node> slicesGrads) {
        List<Object> indices = new ArrayList<>();
        List<Node> inputs = new ArrayList<>(List.of(slicesGrads.get(0).input(0)));
        for (Node n : slicesGrads) {
            indices.addAll(SlicesGradOp.indices(n.attrs()));
            inputs.addAll(n.inputs().subList(1, n.inputs().size()));
        }
        return g.apply(SlicesGradOp.INSTANCE, Attrs.of("indices", indices), inputs.toArray(new Node[0]));
    }
}
