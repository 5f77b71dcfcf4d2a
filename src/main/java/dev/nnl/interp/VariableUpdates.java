package dev.nnl.interp;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Ops;
import dev.nnl.ir.Variable;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;

/**
 * Writes to variables: immediately ({@code w -= d}, {@code w.assign_sub(d)}) or as effects for run
 * ({@code assign(w, v)}). Values adopt the variable's dtype when they are host numbers; shapes must match.
 */
public final class VariableUpdates {
    private VariableUpdates() {}

    /** {@code v op= value} now: +, -, *, / and the rest of the arithmetic operators. */
    static void now(Variable v, String op, Object value, Session session, Span span) {
        Tensor current = v.snapshot();
        Object result = Operators.binary(op, current, value, session, span);
        Tensor t = TensorCalls.concrete(result, session);
        check(v, v.type().dtype(), t.shape());
        v.set(t);
    }

    /** assign / assign_add / assign_sub now, with a concrete value. */
    public static Variable now(Variable v, Effect.Mode mode, Object value, Session session, Span span) {
        Tensor t = TensorCalls.concrete(TensorCalls.operand(value, v.type().dtype(), span), session);
        check(v, t.dtype(), t.shape());
        mode.write(v.writable().view(), t.view(), (int) v.current().size(), t.size() == 1);
        return v;
    }

    /** The effect {@code assign(v, value)} (or add/subtract), run later. */
    public static Effect effect(Variable v, Effect.Mode mode, Object value, Session session, Span span) {
        Object operand = TensorCalls.operand(value, v.type().dtype(), span);
        return Effect.of("assign", java.util.List.of(write(v, mode, operand, session, span)));
    }

    private static Effect.Write write(Variable v, Effect.Mode mode, Object operand, Session session, Span span) {
        check(v, TensorCalls.dtypeOf(operand), TensorCalls.shapeOf(operand));
        return new Effect.Write(v, Ops.nodeOf(session.graph(), operand, span), mode);
    }

    private static void check(Variable v, dev.nnl.tensor.DType dtype, long[] shape) {
        if (dtype != v.type().dtype()) {
            throw new NnlError("cannot write a " + dtype + " value into the " + v.type().dtype() + " variable " + v.name(),
                    "cast it: cast(x, " + v.type().dtype() + ")");
        }
        long[] target = v.type().dims();
        boolean fits = Arrays.equals(shape, target) || Shapes.size(shape) == 1;
        for (long d : shape) if (d == Shapes.UNKNOWN) fits = true;
        if (!fits) {
            throw new NnlError("cannot write a value of shape " + Shapes.show(shape) + " into the variable " + v.name()
                    + " of shape " + Shapes.show(target));
        }
    }

}
