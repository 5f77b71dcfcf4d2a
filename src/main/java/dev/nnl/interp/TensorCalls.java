package dev.nnl.interp;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.Ops;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Variable;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an IR op to script values: variables are read, host numbers and lists become tensors of the dtype of the
 * first tensor among the operands (TF's rule for Python literals), then {@link Ops#apply} computes and records.
 */
public final class TensorCalls {
    private TensorCalls() {}

    public static Object apply(Session session, Span span, OpDef op, Attrs attrs, List<Object> operands) {
        DType like = null;
        for (Object o : operands) {
            like = dtypeOf(o);
            if (like != null) break;
        }
        List<Object> converted = new ArrayList<>(operands.size());
        for (Object o : operands) converted.add(operand(o, like, span));
        return Ops.apply(session == null ? null : session.graph(), op, attrs, span, converted);
    }

    public static Object apply(Session session, Span span, OpDef op, Attrs attrs, Object... operands) {
        return apply(session, span, op, attrs, List.of(operands));
    }

    /** A tensor-like value as an op operand: Tensor or GraphTensor; null for anything else. */
    public static Object operand(Object o, DType like, Span span) {
        if (o instanceof Tensor || o instanceof GraphTensor) return o;
        if (o instanceof Variable v) return v.read(span);
        return Values.toTensor(o, like);
    }

    public static boolean isTensorLike(Object o) {
        return o instanceof Tensor || o instanceof GraphTensor || o instanceof Variable;
    }

    public static DType dtypeOf(Object o) {
        if (o instanceof Tensor t) return t.dtype();
        if (o instanceof GraphTensor g) return g.type().dtype();
        if (o instanceof Variable v) return v.type().dtype();
        return null;
    }

    /** The static type of a tensor-like value (dimensions may be unknown); null for other values. */
    public static TensorType typeOf(Object o) {
        if (o instanceof Tensor t) return TensorType.of(t.dtype(), t.shape());
        if (o instanceof GraphTensor g) return g.type();
        if (o instanceof Variable v) return v.type();
        return null;
    }

    /** The static shape of a tensor-like value (dimensions may be -1 when unknown). */
    public static long[] shapeOf(Object o) {
        if (o instanceof Tensor t) return t.shape();
        if (o instanceof GraphTensor g) return g.type().dims();
        if (o instanceof Variable v) return v.type().dims();
        return null;
    }

    /** The concrete value of a tensor-like value (null for other values), or an error saying it has none yet. */
    public static Tensor concrete(Object o, Session session) {
        return isTensorLike(o) ? concreteValue(o) : null;
    }

    static Tensor concreteValue(Object o) {
        if (o instanceof Tensor t) return t;
        if (o instanceof Variable v) return v.snapshot();
        GraphTensor g = (GraphTensor) o;
        if (g.value() != null) return g.value();
        throw new NnlError("this tensor depends on an input, so it has a value only inside run(...)",
                "evaluate it with run(x, feed={input: data})");
    }
}
