package dev.nnl.interp;

import dev.nnl.ir.Effect;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Variable;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import dev.nnl.text.FormatSpec;
import dev.nnl.text.NumpyArrayPrinter;
import dev.nnl.text.PrintOptions;
import dev.nnl.text.PyRepr;
import java.util.List;
import java.util.Map;

/** How values print: tensors numpy-style, host values as Python prints them (the course's output). */
public final class Printer {
    private Printer() {}

    /** What print() shows. */
    public static String str(Object v, Session session) {
        if (v instanceof String s) return s;
        if (v instanceof Tensor t) return tensor(t, session.printOptions());
        if (v instanceof GraphTensor g && g.value() != null) return tensor(g.value(), session.printOptions());
        return repr(v, session);
    }

    /** How a value shows inside a list, tuple or dict. */
    public static String repr(Object v, Session session) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Long l) return Long.toString(l);
        if (v instanceof Double d) return PyRepr.of(d);
        if (v instanceof String s) return quote(s);
        if (v instanceof Tensor t) return tensor(t, session.printOptions());
        if (v instanceof GraphTensor g) {
            if (g.value() != null) return tensor(g.value(), session.printOptions());
            return "<tensor " + session.graph().nameOf(g.node()) + " shape=" + g.type().showShape() + " " + g.type().dtype() + ">";
        }
        if (v instanceof Variable var) {
            Tensor value = var.snapshot();
            String shown = tensor(value, session.printOptions());
            return "<variable '" + var.name() + ":0' shape=" + showTuple(value.shape()) + " dtype=" + value.dtype()
                    + ", numpy=" + (value.rank() == 0 ? shown : "\n" + shown) + ">";
        }
        if (v instanceof Effect e) return "<effect " + e.name() + ">";
        if (v instanceof NnlList l) return join("[", l.items(), "]", session);
        if (v instanceof NnlTuple t) {
            if (t.items().size() == 1) return "(" + repr(t.items().get(0), session) + ",)";
            return join("(", t.items(), ")", session);
        }
        if (v instanceof NnlDict d) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<Object, Object> e : d.entries().entrySet()) {
                if (out.length() > 1) out.append(", ");
                out.append(repr(e.getKey(), session)).append(": ").append(repr(e.getValue(), session));
            }
            return out.append('}').toString();
        }
        if (v instanceof Range r) {
            return "range(" + r.start() + ", " + r.stop() + (r.step() == 1 ? "" : ", " + r.step()) + ")";
        }
        if (v instanceof DType d) return "<dtype: '" + d.tfName + "'>";
        if (v instanceof SpecialIndex s) return s.toString();
        if (v instanceof Callable c) return c.show();
        return v.toString();
    }

    public static String tensor(Tensor t, PrintOptions options) {
        long[] shape = t.shape();
        if (t.dtype() == DType.BOOL) return NumpyArrayPrinter.print(shape, t.booleans(), options);
        if (t.dtype().isFloating()) return NumpyArrayPrinter.print(shape, t.doubles(), t.dtype() == DType.FLOAT32, options);
        return NumpyArrayPrinter.print(shape, t.longs(), options);
    }

    /** {@code {x:spec}} in strings and format(x, spec): Python's format-spec mini-language on host values. */
    public static String format(Object v, String spec, Session session) {
        Object host = v;
        Tensor concrete = TensorCalls.isTensorLike(v) ? TensorCalls.concrete(v, session) : null;
        if (concrete != null && concrete.size() == 1) host = concrete.item();
        if (!(host instanceof Long || host instanceof Double || host instanceof Boolean || host instanceof String)) {
            if (spec.isEmpty()) return str(v, session);
            throw new NnlError("format spec '" + spec + "' needs a number or string, got " + Values.typeName(v));
        }
        try {
            return FormatSpec.parse(spec).apply(host);
        } catch (IllegalArgumentException e) {
            throw new NnlError("bad format spec '" + spec + "': " + e.getMessage(),
                    "examples: {x:.4f}, {x:g}, {n:5d}, {s:>10}");
        }
    }

    /** A shape as Python prints a tuple: (), (2,), (2, 3). */
    public static String showTuple(long[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) out.append(i > 0 ? ", " : "").append(shape[i]);
        return out.append(')').toString();
    }

    private static String join(String open, List<Object> items, String close, Session session) {
        StringBuilder out = new StringBuilder(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(repr(items.get(i), session));
        }
        return out.append(close).toString();
    }

    private static String quote(String s) {
        String q = s.contains("'") && !s.contains("\"") ? "\"" : "'";
        return q + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
                .replace(q, "\\" + q) + q;
    }
}
