package dev.nnl.interp;

import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.List;

/** The bound arguments of one builtin call, with conversions that fail with a message naming the parameter. */
public final class Args {
    private final Interpreter interpreter;
    private final Signature signature;
    private final Object[] values;
    private final Span span;

    Args(Interpreter interpreter, Signature signature, Object[] values, Span span) {
        this.interpreter = interpreter;
        this.signature = signature;
        this.values = values;
        this.span = span;
    }

    public Interpreter interpreter() { return interpreter; }

    public Session session() { return interpreter.session(); }

    public Span span() { return span; }

    public Object get(int i) { return values[i]; }

    public boolean isNone(int i) { return values[i] == null; }

    /** The extra positional arguments of a {@code *rest} parameter (always the last slot). */
    @SuppressWarnings("unchecked")
    public List<Object> rest() { return (List<Object>) values[values.length - 1]; }

    private String param(int i) {
        return signature.function() + "(): '" + signature.names().get(i) + "'";
    }

    public NnlError wrong(int i, String expected) {
        return new NnlError(param(i) + " must be " + expected + ", got " + Values.typeName(values[i]));
    }

    public Tensor tensor(int i) {
        return tensor(i, null);
    }

    /**
     * A concrete tensor argument (variables give their current value); host numbers and lists convert with TF's
     * rules, adopting {@code like} when given.
     */
    public Tensor tensor(int i, DType like) {
        try {
            Tensor t = TensorCalls.concrete(values[i], session());
            return t != null ? t : Values.toTensor(values[i], like);
        } catch (NnlError e) {
            throw new NnlError(param(i) + ": " + e.getMessage(), e.hint());
        }
    }

    /** Applies an IR op to arguments (tensors, variables, recipes or host values), recording it when needed. */
    public Object apply(dev.nnl.ir.OpDef op, dev.nnl.ir.Attrs attrs, Object... operands) {
        return TensorCalls.apply(session(), span, op, attrs, operands);
    }

    public long integer(int i) {
        try {
            return Values.toLong(values[i]);
        } catch (NnlError e) {
            throw wrong(i, "an integer");
        }
    }

    public Long optInteger(int i) { return values[i] == null ? null : integer(i); }

    public double number(int i) {
        if (!Values.isNumber(values[i]) && !(values[i] instanceof Tensor t && t.size() == 1)) throw wrong(i, "a number");
        return Values.toDouble(values[i]);
    }

    public boolean bool(int i) {
        if (!(values[i] instanceof Boolean)) throw wrong(i, "true or false");
        return (Boolean) values[i];
    }

    public String string(int i) {
        if (!(values[i] instanceof String s)) throw wrong(i, "a string");
        return s;
    }

    /** A dtype given as a dtype value ({@code float32}) or a name ({@code "float32"}); null when none. */
    public DType dtype(int i) {
        Object v = values[i];
        if (v == null) return null;
        if (v instanceof DType d) return d;
        if (v instanceof String s && DType.parse(s) != null) return DType.parse(s);
        if (v instanceof Builtin b && DType.parse(b.name()) != null) return DType.parse(b.name());
        throw wrong(i, "a dtype such as float32, int32, int64, float64, bool or uint8");
    }

    /** A shape: an int, or a list/tuple of ints, or a 1-D int tensor. */
    public long[] shape(int i) {
        Object v = values[i];
        if (v instanceof Long n) return new long[] {n};
        if (v instanceof Tensor t && !t.dtype().isFloating() && t.rank() <= 1) return t.longs();
        List<Object> items = Values.sequence(v);
        if (items == null) throw wrong(i, "a shape (an int or a list of ints)");
        long[] out = new long[items.size()];
        for (int k = 0; k < out.length; k++) {
            Object d = items.get(k);
            if (!(d instanceof Long) && !(d instanceof Tensor)) throw wrong(i, "a shape (an int or a list of ints)");
            out[k] = Values.toLong(d);
        }
        return out;
    }

    /** An axis or list of axes; null when none (meaning all axes). */
    public int[] axes(int i) {
        Object v = values[i];
        if (v == null) return null;
        if (v instanceof Long n) return new int[] {n.intValue()};
        List<Object> items = Values.sequence(v);
        if (items == null && v instanceof Tensor t && !t.dtype().isFloating()) {
            return java.util.Arrays.stream(t.longs()).mapToInt(x -> (int) x).toArray();
        }
        if (items == null) throw wrong(i, "an axis (an int) or a list of axes");
        int[] out = new int[items.size()];
        for (int k = 0; k < out.length; k++) out[k] = (int) Values.toLong(items.get(k));
        return out;
    }

    public Callable callable(int i) {
        if (!(values[i] instanceof Callable c)) throw wrong(i, "a function");
        return c;
    }
}
