package dev.nnl.ir;

import dev.nnl.syntax.Span;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way tensor operations happen: infer the output type (shape errors surface here, before any kernel),
 * compute the value when every operand has one, and build an IR node when any operand has a recipe.
 * Operands are {@link Tensor}s or {@link GraphTensor}s; the result is one of the two.
 */
public final class Ops {
    private Ops() {}

    public static Object apply(Graph graph, OpDef op, Attrs attrs, Span span, List<Object> operands) {
        List<TensorType> types = new ArrayList<>(operands.size());
        List<Tensor> values = new ArrayList<>(operands.size());
        boolean traced = false;
        boolean concrete = true;
        for (Object o : operands) {
            if (o instanceof GraphTensor g) {
                traced = true;
                types.add(g.type());
                if (g.value() == null) concrete = false;
                values.add(g.value());
            } else {
                Tensor t = (Tensor) o;
                types.add(TensorType.of(t.dtype(), t.shape()));
                values.add(t);
            }
        }
        TensorType out = op.infer(types, attrs);
        Tensor value = concrete ? op.compute(values, attrs) : null;
        if (!traced) return value;
        List<Node> inputs = new ArrayList<>(operands.size());
        for (Object o : operands) inputs.add(nodeOf(graph, o, span));
        return new GraphTensor(graph.node(op, inputs, attrs, out, span, value), value);
    }

    public static Object apply(Graph graph, OpDef op, Attrs attrs, Span span, Object... operands) {
        return apply(graph, op, attrs, span, List.of(operands));
    }

    /** The recipe node of an operand; a plain tensor becomes a const node that remembers it. */
    public static Node nodeOf(Graph graph, Object operand, Span span) {
        if (operand instanceof GraphTensor g) return g.node();
        Tensor t = (Tensor) operand;
        return graph.node(ConstOp.INSTANCE, List.of(), Attrs.of("value", t), TensorType.of(t.dtype(), t.shape()), span, t);
    }
}
