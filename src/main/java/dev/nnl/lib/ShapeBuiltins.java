package dev.nnl.lib;

import dev.nnl.interp.Builtin;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Signature;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.Session;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.ConcatOp;
import dev.nnl.ir.ops.GatherOp;
import dev.nnl.ir.ops.OneHotOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.ir.ops.SliceOp;
import dev.nnl.ir.ops.TileOp;
import dev.nnl.ir.ops.TransposeOp;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** reshape, squeeze, transpose, concat, stack, split, one_hot and friends. */
final class ShapeBuiltins {
    private ShapeBuiltins() {}

    /** concat(values, axis): tf.concat and np.concatenate. */
    static Builtin concat(String name) {
        return new Builtin(name, Signature.parse(name, "values, axis=0, name=none"),
                a -> TensorCalls.apply(a.session(), a.span(), ConcatOp.INSTANCE, Attrs.of("axis", (int) a.integer(1)),
                        HostBuiltins.operands(a.get(0))));
    }

    static void register(BuiltinTable t) {
        t.define("reshape", "tensor, shape, name=none", a -> a.apply(ReshapeOp.RESHAPE, Attrs.of("shape", a.shape(1)), a.get(0)));
        t.define("squeeze", "input, axis=none, name=none", a -> a.apply(ReshapeOp.SQUEEZE, Attrs.of("axes", a.axes(1)), a.get(0)));
        t.define("expand_dims", "input, axis, name=none",
                a -> a.apply(ReshapeOp.EXPAND_DIMS, Attrs.of("axis", (int) a.integer(1)), a.get(0)));
        t.define("transpose", "a, perm=none, name=none", a -> a.apply(TransposeOp.INSTANCE, Attrs.of("perm", a.axes(1)), a.get(0)));
        t.constant("concat", concat("concat"));
        t.define("stack", "values, axis=0, name=none", a -> stack(a.session(), a.span(), HostBuiltins.operands(a.get(0)), (int) a.integer(1)));
        t.define("unstack", "value, axis=0, name=none", a -> {
            long[] s = shapeOf(a.get(0));
            int axis = Shapes.axis((int) a.integer(1), s.length);
            if (s[axis] == Shapes.UNKNOWN) throw new NnlError("unstack along an axis of unknown size");
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < s[axis]; i++) out.add(slice(a.session(), a.span(), a.get(0), axis, new Slicing.Point(i)));
            return new NnlList(out);
        });
        t.define("split", "value, num_or_size_splits, axis=0, name=none", a -> {
            long[] s = shapeOf(a.get(0));
            int axis = Shapes.axis((int) a.integer(2), s.length);
            long dim = s[axis];
            long[] sizes;
            if (a.get(1) instanceof Long n) {
                if (n <= 0 || dim % n != 0) throw new NnlError("split: axis of size " + dim + " cannot be cut into " + n + " equal parts");
                sizes = new long[n.intValue()];
                Arrays.fill(sizes, dim / n);
            } else {
                sizes = a.shape(1);
                long total = Arrays.stream(sizes).sum();
                if (total != dim) throw new NnlError("split sizes " + Arrays.toString(sizes) + " add up to " + total
                        + ", but axis " + axis + " has size " + dim);
            }
            List<Object> out = new ArrayList<>();
            long start = 0;
            for (long size : sizes) {
                out.add(slice(a.session(), a.span(), a.get(0), axis, new Slicing.Slice(start, start + size, 1L)));
                start += size;
            }
            return new NnlList(out);
        });
        t.define("ravel", "x", a -> a.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1}), a.get(0)));
        t.define("tile", "input, multiples, name=none", a -> a.apply(TileOp.INSTANCE, Attrs.of("multiples", a.shape(1)), a.get(0)));
        t.define("one_hot", "indices, depth, on_value=1.0, off_value=0.0, dtype=float32, name=none",
                a -> a.apply(OneHotOp.INSTANCE, Attrs.of("depth", a.integer(1), "on", a.number(2), "off", a.number(3),
                        "dtype", a.dtype(4)), a.get(0)));
        t.define("gather", "params, indices, axis=0, name=none",
                a -> a.apply(GatherOp.GATHER, Attrs.of("axis", (int) a.integer(2)), a.get(0), indices(a, 1)));
        t.define("embedding_lookup", "params, ids, name=none",
                a -> a.apply(GatherOp.GATHER, Attrs.of("axis", 0), a.get(0), indices(a, 1)));
        t.define("shape", "input", a -> {
            long[] s = a.tensor(0).shape();
            return Tensor.ofLongs(new long[] {s.length}, s, DType.INT32);
        });
        t.define("size", "input", a -> a.tensor(0).size());
        t.define("rank", "input", a -> (long) shapeOf(a.get(0)).length);
    }

    /** Indices written as host numbers become int32 (not the dtype of the params beside them). */
    private static Object indices(dev.nnl.interp.Args a, int i) {
        Object v = a.get(i);
        return TensorCalls.isTensorLike(v) ? v : dev.nnl.interp.Values.toTensor(v, null);
    }

    private static long[] shapeOf(Object x) {
        long[] s = TensorCalls.shapeOf(x);
        if (s == null) throw new NnlError("expected a tensor, got " + dev.nnl.interp.Values.typeName(x));
        return s;
    }

    /** x[:, ..., index] with {@code index} at {@code axis}. */
    private static Object slice(Session s, Span span, Object x, int axis, Slicing.Index index) {
        List<Slicing.Index> idx = new ArrayList<>();
        for (int i = 0; i < axis; i++) idx.add(new Slicing.Slice(null, null, null));
        idx.add(index);
        return TensorCalls.apply(s, span, SliceOp.INSTANCE, Attrs.of("index", idx), x);
    }

    /** stack(values, axis): each value gains an axis of length 1, then they are joined along it. */
    static Object stack(Session s, Span span, List<Object> values, int axis) {
        if (values.isEmpty()) throw new NnlError("stack of an empty list");
        dev.nnl.tensor.DType like = null;
        for (Object v : values) if (like == null) like = TensorCalls.dtypeOf(v);
        List<Object> expanded = new ArrayList<>();
        for (Object v : values) {
            Object operand = TensorCalls.operand(v, like, span);
            expanded.add(TensorCalls.apply(s, span, ReshapeOp.EXPAND_DIMS, Attrs.of("axis", axis), operand));
        }
        int rank = TensorCalls.shapeOf(expanded.get(0)).length;
        return TensorCalls.apply(s, span, ConcatOp.INSTANCE, Attrs.of("axis", axis < 0 ? axis + rank : axis), expanded);
    }
}
