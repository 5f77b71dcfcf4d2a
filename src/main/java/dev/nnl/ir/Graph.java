package dev.nnl.ir;

import dev.nnl.syntax.Span;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's graph state: it numbers and names nodes, and keeps the variables and the named collections
 * (TF1's add_to_collection / get_collection).
 */
public final class Graph {
    private int nextId = 1;
    private final Map<String, Integer> opCounts = new HashMap<>();
    private final Map<Node, String> names = new HashMap<>();
    private final List<Variable> variables = new ArrayList<>();
    private final Map<String, Integer> variableNames = new HashMap<>();
    private final Map<String, List<Object>> collections = new LinkedHashMap<>();

    public Node node(OpDef op, List<Node> inputs, Attrs attrs, TensorType type, Span span, Tensor value) {
        return new Node(nextId++, op, inputs, attrs, type, span == null ? List.of() : List.of(span), value);
    }

    /** TF-style names for printing symbolic tensors: matmul, matmul_1, ... */
    public String nameOf(Node node) {
        return names.computeIfAbsent(node, n -> {
            int k = opCounts.merge(n.op().name(), 1, Integer::sum) - 1;
            return k == 0 ? n.op().name() : n.op().name() + "_" + k;
        });
    }

    /** A unique variable name like TF's: v, v_1, v_2 ... */
    String uniqueVariableName(String base) {
        int k = variableNames.merge(base, 1, Integer::sum) - 1;
        return k == 0 ? base : base + "_" + k;
    }

    void register(Variable v) { variables.add(v); }

    public List<Variable> variables() { return variables; }

    public List<Object> collection(String name) {
        return collections.computeIfAbsent(name, k -> new ArrayList<>());
    }
}
