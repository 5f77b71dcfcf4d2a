package dev.nnl.opt;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.ConstOp;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.tensor.Tensor;
import dev.nnl.syntax.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges pure nodes that compute the same thing (same op, attributes and inputs, or equal small constants); the
 * survivor keeps the spans of both.
 */
public final class CommonSubexpressions implements Pass {
    @Override public String name() { return "cse"; }

    private record Key(OpDef op, Object attrs, List<Integer> inputs) {}

    @Override
    public List<Node> run(List<Node> roots, PassLog log) {
        Map<Key, Node> seen = new HashMap<>();
        Map<Node, Integer> numbers = new IdentityHashMap<>();
        Map<Node, List<Span>> mergedSpans = new IdentityHashMap<>();
        int[] merged = {0};
        List<Node> out = Rewriter.rewrite(roots, n -> {
            Node result = n;
            Key key = key(n, numbers);
            if (key != null) {
                Node previous = seen.get(key);
                if (previous != null) {
                    merged[0]++;
                    result = previous;
                    mergedSpans.computeIfAbsent(previous, k -> new ArrayList<>()).addAll(n.spans());
                } else {
                    seen.put(key, n);
                }
            }
            numbers.putIfAbsent(result, numbers.size());
            numbers.putIfAbsent(n, numbers.get(result));
            return result;
        });
        log.record(name(), merged[0], "duplicate nodes merged");
        if (mergedSpans.isEmpty()) return out;
        // the survivors carry the positions of the nodes merged into them
        return Rewriter.rewrite(out, n -> mergedSpans.containsKey(n) ? n.withMoreSpans(mergedSpans.get(n)) : n);
    }

    private static Key key(Node n, Map<Node, Integer> numbers) {
        if (n.op() == ConstOp.INSTANCE) {
            Tensor t = ConstOp.tensor(n);
            if (t.size() != 1) return null;
            return new Key(n.op(), Arrays.asList(t.dtype(), t.rank(), t.doubles()[0]), List.of());
        }
        if (n.op().purity() != OpDef.Purity.PURE) return null;
        Integer[] inputs = new Integer[n.inputs().size()];
        for (int i = 0; i < inputs.length; i++) inputs[i] = numbers.get(n.input(i));
        Attrs attrs = n.attrs();
        return new Key(n.op(), attrs, Arrays.asList(inputs));
    }
}
