package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Indexing;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlDict;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.Operators;
import dev.nnl.interp.Printer;
import dev.nnl.interp.Range;
import dev.nnl.interp.Sized;
import dev.nnl.interp.Values;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.tensor.Tensor;
import dev.nnl.text.PrintOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's host builtins (print, len, range, min, max, ...) and the methods of lists, dicts and strings. */
final class HostBuiltins {
    private HostBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("print", "*values, sep=' ', end='\n'", a -> {
            StringBuilder out = new StringBuilder();
            List<Object> values = a.rest();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) out.append(a.string(0));
                out.append(Printer.str(values.get(i), a.session()));
            }
            out.append(a.string(1));
            a.session().out().print(out);
            a.session().out().flush();
            return null;
        });
        t.define("len", "x", a -> length(a.get(0)));
        t.define("range", "start, stop=none, step=1", a -> a.isNone(1)
                ? new Range(0, a.integer(0), 1) : new Range(a.integer(0), a.integer(1), a.integer(2)));
        t.define("enumerate", "iterable, start=0", a -> {
            List<Object> out = new ArrayList<>();
            long i = a.integer(1);
            Iterator<Object> it = elements(a.get(0)).iterator();
            while (it.hasNext()) out.add(NnlTuple.of(i++, it.next()));
            return new NnlList(out);
        });
        t.define("zip", "*iterables", a -> {
            List<List<Object>> seqs = new ArrayList<>();
            for (Object o : a.rest()) seqs.add(elements(o));
            int n = seqs.stream().mapToInt(List::size).min().orElse(0);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Object> row = new ArrayList<>();
                for (List<Object> s : seqs) row.add(s.get(i));
                out.add(new NnlTuple(row));
            }
            return new NnlList(out);
        });
        t.define("min", "*values", a -> extreme(a, "min"));
        t.define("max", "*values", a -> extreme(a, "max"));
        t.define("abs", "x", a -> {
            Object x = a.get(0);
            if (TensorCalls.isTensorLike(x)) return a.apply(UnaryOp.ABS, Attrs.NONE, x);
            if (x instanceof Long l) return Math.abs(l);
            return Math.abs(a.number(0));
        });
        t.define("round", "x, ndigits=none", a -> {
            if (TensorCalls.isTensorLike(a.get(0))) return a.apply(UnaryOp.ROUND, Attrs.NONE, a.get(0));
            double x = a.number(0);
            if (a.isNone(1)) return (long) Math.rint(x);
            return new BigDecimal(x).setScale((int) a.integer(1), RoundingMode.HALF_EVEN).doubleValue();
        });
        t.define("int", "x", a -> {
            Object x = a.get(0);
            if (x instanceof String s) {
                try {
                    return Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    throw new NnlError("int(): '" + s + "' is not an integer");
                }
            }
            if (x instanceof Tensor tensor && tensor.size() == 1) x = tensor.item();
            if (x instanceof Double d) return (long) (double) d;
            return Values.toLong(x);
        });
        t.define("float", "x", a -> {
            if (a.get(0) instanceof String s) {
                try {
                    return Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw new NnlError("float(): '" + s + "' is not a number");
                }
            }
            return Values.toDouble(a.get(0));
        });
        t.define("str", "x=''", a -> Printer.str(a.get(0), a.session()));
        t.define("bool", "x=false", a -> Values.truthy(a.get(0)));
        t.define("list", "iterable=none", a -> a.isNone(0) ? new NnlList() : new NnlList(elements(a.get(0))));
        t.define("tuple", "iterable=none", a -> a.isNone(0) ? new NnlTuple(List.of()) : new NnlTuple(elements(a.get(0))));
        t.define("dict", "pairs=none", a -> {
            NnlDict d = new NnlDict();
            if (!a.isNone(0)) {
                for (Object pair : elements(a.get(0))) {
                    List<Object> kv = elements(pair);
                    if (kv.size() != 2) throw new NnlError("dict() needs (key, value) pairs");
                    d.put(kv.get(0), kv.get(1));
                }
            }
            return d;
        });
        t.define("sorted", "iterable, key=none, reverse=false", a -> {
            List<Object> items = new ArrayList<>(elements(a.get(0)));
            List<Object> keys = new ArrayList<>();
            for (Object o : items) keys.add(a.isNone(1) ? o : a.interpreter().callValue(a.get(1), List.of(o), a.span()));
            Integer[] order = new Integer[items.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            java.util.Arrays.sort(order, (x, y) -> compare(keys.get(x), keys.get(y)));
            List<Object> out = new ArrayList<>();
            for (Integer i : order) out.add(items.get(i));
            if (a.bool(2)) java.util.Collections.reverse(out);
            return new NnlList(out);
        });
        t.define("format", "value, spec=''", a -> Printer.format(a.get(0), a.string(1), a.session()));
        t.define("clock", "", a -> System.nanoTime() / 1e9);
        t.define("sum", "x, axis=none, keepdims=false", a -> {
            Object x = a.get(0);
            if (TensorCalls.isTensorLike(x) || elements(x).stream().anyMatch(TensorCalls::isTensorLike)) {
                return ReductionBuiltins.reduce(a.session(), a.span(), "sum", x, a.axes(1), a.bool(2));
            }
            Object total = 0L;
            for (Object o : elements(x)) total = Operators.binary("+", total, o, a.session(), a.span());
            return total;
        });
        t.define("set_printoptions", "threshold=none, precision=none, linewidth=none, suppress=none", a -> {
            PrintOptions o = a.session().printOptions();
            long threshold = a.isNone(0) ? o.threshold()
                    : a.get(0) instanceof Double d && d.isInfinite() ? Long.MAX_VALUE : a.integer(0);
            a.session().setPrintOptions(new PrintOptions(a.isNone(1) ? o.precision() : (int) a.integer(1), threshold,
                    o.edgeitems(), a.isNone(2) ? o.linewidth() : (int) a.integer(2), a.isNone(3) ? o.suppress() : a.bool(3)));
            return null;
        });
        t.constant("inf", Double.POSITIVE_INFINITY);
        t.constant("nan", Double.NaN);
        t.constant("pi", Math.PI);
    }

    static void registerMethods(MethodTable m) {
        m.method(NnlList.class, "append", "self, value", a -> {
            ((NnlList) a.get(0)).items().add(a.get(1));
            return null;
        });
        m.method(NnlList.class, "extend", "self, values", a -> {
            ((NnlList) a.get(0)).items().addAll(elements(a.get(1)));
            return null;
        });
        m.method(NnlList.class, "pop", "self, index=-1", a -> {
            List<Object> items = ((NnlList) a.get(0)).items();
            if (items.isEmpty()) throw new NnlError("pop from an empty list");
            long i = a.integer(1);
            int k = (int) (i < 0 ? i + items.size() : i);
            if (k < 0 || k >= items.size()) throw new NnlError("pop index " + i + " is out of range");
            return items.remove(k);
        });
        m.method(NnlList.class, "insert", "self, index, value", a -> {
            List<Object> items = ((NnlList) a.get(0)).items();
            long i = a.integer(1);
            int k = (int) Math.max(0, Math.min(items.size(), i < 0 ? i + items.size() : i));
            items.add(k, a.get(2));
            return null;
        });
        m.method(NnlList.class, "index", "self, value", a -> {
            List<Object> items = ((NnlList) a.get(0)).items();
            for (int i = 0; i < items.size(); i++) if (Operators.equal(items.get(i), a.get(1))) return (long) i;
            throw new NnlError(Printer.repr(a.get(1), a.session()) + " is not in the list");
        });
        // TF's TensorShape.as_list(), for shapes (tuples) taken with get_shape()
        m.method(NnlTuple.class, "as_list", "self", a -> new NnlList(new ArrayList<>(((NnlTuple) a.get(0)).items())));
        m.method(NnlDict.class, "keys", "self", a -> new NnlList(new ArrayList<>(((NnlDict) a.get(0)).entries().keySet())));
        m.method(NnlDict.class, "values", "self", a -> new NnlList(new ArrayList<>(((NnlDict) a.get(0)).entries().values())));
        m.method(NnlDict.class, "items", "self", a -> {
            List<Object> out = new ArrayList<>();
            for (Map.Entry<Object, Object> e : ((NnlDict) a.get(0)).entries().entrySet()) out.add(NnlTuple.of(e.getKey(), e.getValue()));
            return new NnlList(out);
        });
        m.method(NnlDict.class, "get", "self, key, default=none", a -> {
            NnlDict d = (NnlDict) a.get(0);
            return d.containsKey(a.get(1)) ? d.get(a.get(1)) : a.get(2);
        });
        m.method(String.class, "split", "self, sep=none", a -> {
            String s = (String) a.get(0);
            String[] parts = a.isNone(1) ? s.trim().split("\\s+") : s.split(java.util.regex.Pattern.quote(a.string(1)), -1);
            if (a.isNone(1) && s.isBlank()) parts = new String[0];
            return new NnlList(new ArrayList<>(List.of((Object[]) parts)));
        });
        m.method(String.class, "join", "self, items", a -> {
            List<String> parts = new ArrayList<>();
            for (Object o : elements(a.get(1))) parts.add(Printer.str(o, a.session()));
            return String.join((String) a.get(0), parts);
        });
        m.method(String.class, "strip", "self", a -> ((String) a.get(0)).strip());
        m.method(String.class, "upper", "self", a -> ((String) a.get(0)).toUpperCase());
        m.method(String.class, "lower", "self", a -> ((String) a.get(0)).toLowerCase());
        m.method(String.class, "replace", "self, old, new", a -> ((String) a.get(0)).replace(a.string(1), a.string(2)));
        m.method(String.class, "startswith", "self, prefix", a -> ((String) a.get(0)).startsWith(a.string(1)));
        m.method(String.class, "endswith", "self, suffix", a -> ((String) a.get(0)).endsWith(a.string(1)));
    }

    /** The items of a sequence; a tensor gives its rows as plain values (nothing is recorded). */
    /**
     * The items of a list or tuple as they are, graph tensors keeping their recipes, for ops that build a recipe from
     * them (add_n, stack, concat, reduce_sum of a list); elements() would keep only the values and lose the gradient.
     */
    static List<Object> operands(Object v) {
        return v instanceof NnlList || v instanceof NnlTuple ? Values.sequence(v) : elements(v);
    }

    static List<Object> elements(Object v) {
        Object items = TensorCalls.isTensorLike(v) ? TensorCalls.concrete(v, null) : v;
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = Indexing.iterate(items, null, null);
        while (it.hasNext()) out.add(it.next());
        return out;
    }

    private static Object length(Object v) {
        if (v instanceof Tensor t) {
            if (t.rank() == 0) throw new NnlError("len() of a scalar tensor", "use size(x) for the element count");
            return t.shape()[0];
        }
        if (v instanceof String s) return (long) s.codePointCount(0, s.length());
        if (v instanceof NnlDict d) return (long) d.entries().size();
        if (v instanceof Range r) return r.length();
        if (v instanceof Sized s) return s.length();
        List<Object> items = Values.sequence(v);
        if (items == null) throw new NnlError("len() of " + Values.typeName(v));
        return (long) items.size();
    }

    /** min/max: of numbers (Python), elementwise of two tensors, or over all elements of one tensor. */
    private static Object extreme(Args a, String which) {
        List<Object> values = a.rest();
        if (values.isEmpty()) throw new NnlError(which + "() needs at least one value");
        if (values.size() == 1 && TensorCalls.isTensorLike(values.get(0))) {
            return ReductionBuiltins.reduce(a.session(), a.span(), which, values.get(0), null, false);
        }
        if (values.stream().anyMatch(TensorCalls::isTensorLike)) {
            Object acc = values.get(0);
            BinaryOp op = which.equals("max") ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM;
            for (int i = 1; i < values.size(); i++) acc = a.apply(op, Attrs.NONE, acc, values.get(i));
            return acc;
        }
        List<Object> items = values.size() == 1 ? elements(values.get(0)) : values;
        if (items.isEmpty()) throw new NnlError(which + "() of an empty sequence");
        Object best = items.get(0);
        for (Object o : items) {
            int c = compare(o, best);
            if (which.equals("max") ? c > 0 : c < 0) best = o;
        }
        return best;
    }

    static int compare(Object x, Object y) {
        if (Values.isNumber(x) && Values.isNumber(y)) return Double.compare(Values.toDouble(x), Values.toDouble(y));
        if (x instanceof String s && y instanceof String u) return s.compareTo(u);
        List<Object> a = Values.sequence(x);
        List<Object> b = Values.sequence(y);
        if (a != null && b != null) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = compare(a.get(i), b.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(a.size(), b.size());
        }
        throw new NnlError("cannot compare " + Values.typeName(x) + " with " + Values.typeName(y));
    }

}
