package dev.nnl.interp;

import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Conversions between host values and tensors, and the host-language rules for truth and type names. */
public final class Values {
    private Values() {}

    public static String typeName(Object v) {
        if (v == null) return "none";
        if (v instanceof Long) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof Boolean) return "bool";
        if (v instanceof String) return "string";
        if (v instanceof NnlList) return "list";
        if (v instanceof NnlTuple) return "tuple";
        if (v instanceof NnlDict) return "dict";
        if (v instanceof Tensor t) return t.describe();
        if (v instanceof dev.nnl.ir.GraphTensor g) return "tensor of shape " + g.type().showShape() + " and dtype " + g.type().dtype();
        if (v instanceof dev.nnl.ir.Variable var) return "variable " + var.name();
        if (v instanceof Range) return "range";
        if (v instanceof DType) return "dtype";
        if (v instanceof Callable c) return "function " + c.name();
        return v.getClass().getSimpleName();
    }

    public static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l) return l != 0;
        if (v instanceof Double d) return d != 0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof NnlList l) return !l.items().isEmpty();
        if (v instanceof NnlTuple t) return !t.items().isEmpty();
        if (v instanceof NnlDict d) return !d.entries().isEmpty();
        if (v instanceof Range r) return r.length() > 0;
        if (v instanceof dev.nnl.ir.GraphTensor || v instanceof dev.nnl.ir.Variable) {
            v = TensorCalls.concreteValue(v);
        }
        if (v instanceof Tensor t) {
            if (t.size() != 1) {
                throw new NnlError("the truth value of a tensor with " + t.size() + " elements is ambiguous",
                        "reduce it first, e.g. reduce_any(x) or reduce_all(x)");
            }
            return truthy(t.item());
        }
        return true;
    }

    /** The elements of a list, tuple or range; null for anything else. */
    public static List<Object> sequence(Object v) {
        if (v instanceof NnlList l) return l.items();
        if (v instanceof NnlTuple t) return t.items();
        if (v instanceof Range r) {
            List<Object> out = new ArrayList<>();
            for (Object o : r) out.add(o);
            return out;
        }
        return null;
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    public static double toDouble(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Tensor t && t.size() == 1) return t.doubles()[0];
        if (TensorCalls.isTensorLike(v)) return toDouble(TensorCalls.concreteValue(v));
        throw new NnlError("expected a number, got " + typeName(v));
    }

    public static long toLong(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Double d && d == Math.rint(d)) return d.longValue();
        if (v instanceof Tensor t && t.size() == 1 && !t.dtype().isFloating()) return t.longs()[0];
        if (TensorCalls.isTensorLike(v) && !(v instanceof Tensor)) return toLong(TensorCalls.concreteValue(v));
        throw new NnlError("expected an integer, got " + (v instanceof Double d ? "the float " + d : typeName(v)));
    }

    /**
     * Converts a host value to a tensor with TF's literal rules: ints become int32, floats float32, bools bool;
     * {@code like} (when not null) is the dtype of the other operand, which host numbers and lists adopt.
     */
    public static Tensor toTensor(Object v, DType like) {
        return convert(v, like, DType.INT32, DType.FLOAT32);
    }

    /** numpy's literal rules: ints become int64 and floats float64. */
    public static Tensor toNumpyArray(Object v, DType dtype) {
        return convert(v, dtype, DType.INT64, DType.FLOAT64);
    }

    private static Tensor convert(Object v, DType like, DType intType, DType floatType) {
        if (v instanceof Tensor t) return t; // tensors keep their dtype: a mismatch is the operation's error to report
        if (v instanceof ArrayLike a) return a.toTensor();
        if (TensorCalls.isTensorLike(v)) return TensorCalls.concreteValue(v);
        List<Long> shape = new ArrayList<>();
        List<Object> flat = new ArrayList<>();
        flatten(v, 0, shape, flat);
        long[] dims = shape.stream().mapToLong(Long::longValue).toArray();
        boolean anyFloat = false;
        boolean allBool = !flat.isEmpty();
        for (Object o : flat) {
            if (o instanceof Double) anyFloat = true;
            if (!(o instanceof Boolean)) allBool = false;
        }
        DType natural = allBool ? DType.BOOL : anyFloat ? floatType : flat.isEmpty() ? floatType : intType;
        DType dtype = like == null ? natural : like;
        if (anyFloat && !dtype.isFloating() && like != null) {
            throw new NnlError("cannot make a " + dtype + " tensor from float values",
                    "write the numbers as ints, or cast the other operand: cast(x, float32)");
        }
        if (dtype == DType.BOOL) {
            boolean[] data = new boolean[flat.size()];
            for (int i = 0; i < data.length; i++) data[i] = truthy(flat.get(i));
            return Tensor.ofBooleans(dims, data);
        }
        if (dtype.isFloating()) {
            double[] data = new double[flat.size()];
            for (int i = 0; i < data.length; i++) data[i] = toDouble(flat.get(i));
            return Tensor.ofDoubles(dims, data, dtype);
        }
        long[] data = new long[flat.size()];
        for (int i = 0; i < data.length; i++) data[i] = toLong(flat.get(i));
        return Tensor.ofLongs(dims, data, dtype);
    }

    private static void flatten(Object v, int depth, List<Long> shape, List<Object> flat) {
        List<Object> items = sequence(v);
        if (TensorCalls.isTensorLike(v)) v = TensorCalls.concreteValue(v);
        if (v instanceof Tensor t) {
            long[] s = t.shape();
            checkDepth(depth, shape, s.length, v);
            for (int i = 0; i < s.length; i++) {
                if (depth + i < shape.size() && shape.get(depth + i) != s[i]) throw ragged(shape, depth + i);
                if (depth + i >= shape.size()) shape.add(s[i]);
            }
            Object[] values = t.dtype() == DType.BOOL ? box(t.booleans()) : t.dtype().isFloating() ? box(t.doubles()) : box(t.longs());
            flat.addAll(Arrays.asList(values));
            return;
        }
        if (items == null) {
            if (!isNumber(v)) {
                throw new NnlError("cannot make a tensor from " + typeName(v), "tensors hold numbers and bools");
            }
            if (depth < shape.size()) throw ragged(shape, depth);
            flat.add(v);
            return;
        }
        if (depth == shape.size()) shape.add((long) items.size());
        else if (shape.get(depth) != items.size()) throw ragged(shape, depth);
        for (Object item : items) flatten(item, depth + 1, shape, flat);
    }

    private static void checkDepth(int depth, List<Long> shape, int rank, Object v) {
        if (shape.size() > depth + rank) throw ragged(shape, depth);
    }

    private static NnlError ragged(List<Long> shape, int depth) {
        return new NnlError("nested lists have different lengths at depth " + (depth + 1) + " (so far shaped "
                + Shapes.show(shape.stream().mapToLong(Long::longValue).toArray()) + ")",
                "every row must have the same number of elements");
    }

    private static Object[] box(double[] a) { return Arrays.stream(a).boxed().toArray(); }

    private static Object[] box(long[] a) { return Arrays.stream(a).boxed().toArray(); }

    private static Object[] box(boolean[] a) {
        Object[] out = new Object[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i];
        return out;
    }
}
