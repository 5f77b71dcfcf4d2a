package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.DimName;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlDict;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.interp.VariableUpdates;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ConstOp;
import dev.nnl.ir.Effect;
import dev.nnl.ir.Evaluator;
import dev.nnl.ir.Gradients;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.InputOp;
import dev.nnl.ir.Node;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Topology;
import dev.nnl.ir.Variable;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF1's graph vocabulary: inputs (placeholders), variables, assignments and groups as effects, run with feeds,
 * gradient without a tape, and collections.
 */
final class GraphBuiltins {
    private GraphBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("input", "shape, dtype=float32, name=none", a -> input(a, 0, 1, 2));
        t.define("placeholder", "dtype=float32, shape=none, name=none", a -> input(a, 1, 0, 2));
        t.define("variable | Variable", "initial_value, trainable=true, name=none, dtype=none", a -> {
            Tensor init = a.tensor(0, a.dtype(3));
            if (a.dtype(3) != null) init = init.cast(a.dtype(3));
            return Variable.create(a.session().graph(), a.isNone(2) ? "Variable" : a.string(2), init, a.bool(1));
        });
        t.define("assign", "ref, value, name=none", a -> effect(a, Effect.Mode.ASSIGN));
        t.define("assign_add", "ref, value, name=none", a -> effect(a, Effect.Mode.ADD));
        t.define("assign_sub", "ref, value, name=none", a -> effect(a, Effect.Mode.SUBTRACT));
        t.define("group", "*inputs, name=none", a -> {
            List<Effect> parts = new ArrayList<>();
            for (Object o : a.rest()) {
                if (!(o instanceof Effect e)) throw new NnlError("group() takes effects (assign, minimize, ema.apply, ...), got "
                        + Values.typeName(o));
                parts.add(e);
            }
            return Effect.group(parts);
        });
        t.define("global_variables_initializer | initialize_all_variables | local_variables_initializer", "",
                a -> Effect.group(List.of()));
        t.define("run", "fetches, feed=none, feed_dict=none", GraphBuiltins::run);
        t.define("gradient | gradients", "target, sources", GraphBuiltins::gradient);
        t.define("trainable_variables", "", a -> new NnlList(new ArrayList<>(a.session().graph().variables().stream()
                .filter(Variable::trainable).toList())));
        t.define("global_variables | all_variables", "", a -> new NnlList(new ArrayList<>(a.session().graph().variables())));
        t.define("add_to_collection", "name, value", a -> {
            a.session().graph().collection(a.string(0)).add(a.get(1));
            return null;
        });
        t.define("get_collection", "key", a -> new NnlList(new ArrayList<>(a.session().graph().collection(a.string(0)))));
    }

    static void registerMethods(MethodTable m) {
        m.property(Variable.class, "name", (v, s) -> ((Variable) v).name() + ":0");
        m.property(Variable.class, "trainable", (v, s) -> ((Variable) v).trainable());
        m.method(Variable.class, "assign", "self, value", a -> VariableUpdates.now((Variable) a.get(0), Effect.Mode.ASSIGN, a.get(1), a.session(), a.span()));
        m.method(Variable.class, "assign_add", "self, delta", a -> VariableUpdates.now((Variable) a.get(0), Effect.Mode.ADD, a.get(1), a.session(), a.span()));
        m.method(Variable.class, "assign_sub", "self, delta", a -> VariableUpdates.now((Variable) a.get(0), Effect.Mode.SUBTRACT, a.get(1), a.session(), a.span()));
        m.method(Variable.class, "value | read_value", "self", a -> a.tensor(0));
        m.method(GraphTensor.class, "eval", "self, feed=none, feed_dict=none", a -> runValue(a, a.get(0), a.isNone(1) ? a.get(2) : a.get(1)));
        m.method(Effect.class, "run", "self, feed=none, feed_dict=none", a -> runValue(a, a.get(0), a.isNone(1) ? a.get(2) : a.get(1)));
    }

    private static Object input(Args a, int shapeArg, int dtypeArg, int nameArg) {
        if (a.isNone(shapeArg)) throw new NnlError("an input needs a shape, e.g. input([?, 2])", "write ? for a dimension known only when fed");
        List<Object> dims = HostBuiltins.elements(a.get(shapeArg));
        long[] sizes = new long[dims.size()];
        String[] names = new String[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            Object d = dims.get(i);
            if (d == null || d instanceof DimName) {
                sizes[i] = Shapes.UNKNOWN;
                names[i] = d == null ? null : ((DimName) d).name();
            } else {
                sizes[i] = Values.toLong(d);
            }
        }
        TensorType type = new TensorType(a.dtype(dtypeArg), sizes, names);
        String name = a.isNone(nameArg) ? "input" : a.string(nameArg);
        Node node = a.session().graph().node(InputOp.INSTANCE, List.of(), Attrs.of("type", type, "name", name), type, a.span(), null);
        return new GraphTensor(node, null);
    }

    private static Object effect(Args a, Effect.Mode mode) {
        if (!(a.get(0) instanceof Variable v)) throw a.wrong(0, "a variable");
        return VariableUpdates.effect(v, mode, a.get(1), a.session(), a.span());
    }

    private static Object run(Args a) {
        Object feed = a.isNone(1) ? a.get(2) : a.get(1);
        return runValue(a, a.get(0), feed);
    }

    /** Evaluates a structure of fetches (a tensor, an effect, or lists/tuples of them) now. */
    private static Object runValue(Args a, Object fetches, Object feed) {
        Map<Node, Tensor> feeds = feeds(a, feed);
        List<Node> nodes = new ArrayList<>();
        List<Effect> effects = new ArrayList<>();
        collect(fetches, nodes, effects, a);
        List<Tensor> values;
        try {
            values = a.session().plans().run(nodes, effects, feeds);
        } catch (Evaluator.UnfedInputException e) {
            Node input = e.input();
            throw new NnlError("run needs a value for the input '" + input.attrs().get("name") + "' "
                    + input.type().showShape() + (input.span() == null ? "" : " made at " + input.span().line() + ":"
                    + input.span().column()), "add it to the feed: run(..., feed={" + input.attrs().get("name") + ": data})");
        }
        Map<Node, Tensor> byNode = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) byNode.put(nodes.get(i), values.get(i));
        return rebuild(fetches, byNode, a);
    }

    private static void collect(Object f, List<Node> nodes, List<Effect> effects, Args a) {
        if (f instanceof Effect e) effects.add(e);
        else if (f instanceof GraphTensor g) nodes.add(g.node());
        else if (f instanceof Variable v) nodes.add(v.readNode());
        else if (f instanceof NnlList || f instanceof NnlTuple) for (Object o : Values.sequence(f)) collect(o, nodes, effects, a);
        else if (!(f instanceof Tensor) && !Values.isNumber(f)) {
            throw new NnlError("run() fetches tensors, variables and effects, not " + Values.typeName(f));
        }
    }

    private static Object rebuild(Object f, Map<Node, Tensor> values, Args a) {
        if (f instanceof Effect) return null;
        if (f instanceof GraphTensor g) return values.get(g.node());
        if (f instanceof Variable v) return values.get(v.readNode());
        if (f instanceof NnlList l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l.items()) out.add(rebuild(o, values, a));
            return new NnlList(out);
        }
        if (f instanceof NnlTuple t) {
            List<Object> out = new ArrayList<>();
            for (Object o : t.items()) out.add(rebuild(o, values, a));
            return new NnlTuple(out);
        }
        return f;
    }

    /** Checks every fed value against its input's type; named dimensions must agree across the feed. */
    private static Map<Node, Tensor> feeds(Args a, Object feed) {
        Map<Node, Tensor> out = new LinkedHashMap<>();
        if (feed == null) return out;
        if (!(feed instanceof NnlDict dict)) throw new NnlError("feed must be a dict {input: value, ...}, got " + Values.typeName(feed));
        Map<String, Long> named = new HashMap<>();
        for (Map.Entry<Object, Object> e : dict.entries().entrySet()) {
            if (!(e.getKey() instanceof GraphTensor g) || g.node().op() != InputOp.INSTANCE) {
                throw new NnlError("feed keys must be inputs made with input(...), got " + Values.typeName(e.getKey()));
            }
            TensorType type = g.type();
            String name = (String) g.node().attrs().get("name");
            Tensor value = TensorCalls.concrete(TensorCalls.operand(e.getValue(), type.dtype(), a.span()), a.session());
            if (value.dtype() != type.dtype()) value = castFed(value, type.dtype(), name);
            long[] shape = value.shape();
            boolean fits = shape.length == type.rank();
            for (int i = 0; fits && i < shape.length; i++) {
                long want = type.dims()[i];
                if (want != Shapes.UNKNOWN && want != shape[i]) fits = false;
                String dimName = type.names()[i];
                if (fits && dimName != null) {
                    Long seen = named.putIfAbsent(dimName, shape[i]);
                    if (seen != null && seen != shape[i]) {
                        throw new NnlError("feed for '" + name + "': dimension '" + dimName + "' is " + shape[i]
                                + " here but " + seen + " in another fed value");
                    }
                }
            }
            if (!fits) {
                throw new NnlError("feed for '" + name + "': a value of shape " + Shapes.show(shape)
                        + " does not fit the input's shape " + type.showShape());
            }
            out.put(g.node(), value);
        }
        return out;
    }

    private static Tensor castFed(Tensor value, DType to, String name) {
        if (value.dtype().isFloating() && !to.isFloating()) {
            throw new NnlError("feed for '" + name + "': " + value.dtype() + " data for a " + to + " input");
        }
        return value.cast(to);
    }

    /** gradient(target, sources): values when the target is concrete (at the values it saw), recipes otherwise. */
    private static Object gradient(Args a) {
        Object target = a.get(0);
        boolean single = !(a.get(1) instanceof NnlList || a.get(1) instanceof NnlTuple);
        List<Object> sources = single ? List.of(a.get(1)) : HostBuiltins.elements(a.get(1));
        List<Object> out = new ArrayList<>();
        if (!(target instanceof GraphTensor g)) {
            if (!TensorCalls.isTensorLike(target)) throw a.wrong(0, "a tensor");
            for (Object ignored : sources) out.add(null);
            return single ? out.get(0) : new NnlList(out);
        }
        List<Node> order = Topology.order(List.of(g.node()));
        List<List<Node>> sourceNodes = new ArrayList<>();
        for (Object s : sources) sourceNodes.add(nodesOf(s, order, a));
        List<Node> grads = Gradients.of(a.session().graph(), g.node(), sourceNodes, a.span());
        if (g.value() != null) {
            List<Node> present = grads.stream().filter(n -> n != null).toList();
            List<Tensor> values = new Evaluator(Map.of(), true).evaluate(present);
            for (int i = 0, k = 0; i < grads.size(); i++) out.add(grads.get(i) == null ? null : values.get(k++));
        } else {
            for (Node n : grads) out.add(n == null ? null : new GraphTensor(n, null));
        }
        return single ? out.get(0) : new NnlList(out);
    }

    private static List<Node> nodesOf(Object source, List<Node> order, Args a) {
        if (source instanceof Variable v) return List.of(v.readNode());
        if (source instanceof GraphTensor g) return List.of(g.node());
        if (source instanceof Tensor t) {
            return order.stream().filter(n -> n.op() == ConstOp.INSTANCE && ConstOp.tensor(n) == t).toList();
        }
        throw new NnlError("gradient() differentiates with respect to variables or tensors, not " + Values.typeName(source));
    }

}
