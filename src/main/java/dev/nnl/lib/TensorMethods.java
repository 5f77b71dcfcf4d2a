package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.ArgReduceOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.ir.ops.TransposeOp;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensor properties (shape, dtype, T, ndim, size) and the numpy-style methods the course calls on arrays. They are
 * shared by recipes and variables, which are tensors too.
 */
final class TensorMethods {
    private TensorMethods() {}

    static void register(MethodTable m) {
        m.share(GraphTensor.class, Tensor.class);
        m.share(Variable.class, Tensor.class);
        m.property(Tensor.class, "shape", (v, s) -> shape(v));
        m.property(Tensor.class, "dtype", (v, s) -> TensorCalls.dtypeOf(v));
        m.property(Tensor.class, "ndim", (v, s) -> (long) TensorCalls.shapeOf(v).length);
        m.property(Tensor.class, "size", (v, s) -> TensorCalls.concrete(v, s).size());
        m.method(Tensor.class, "get_shape", "self", a -> shape(a.get(0)));
        m.method(Tensor.class, "numpy", "self", a -> a.tensor(0));
        m.method(Tensor.class, "item", "self", a -> {
            Tensor t = a.tensor(0);
            if (t.size() != 1) throw a.wrong(0, "a tensor with one element");
            return t.item();
        });
        m.method(Tensor.class, "tolist", "self", a -> toList(a.tensor(0)));
        m.method(Tensor.class, "reshape", "self, *shape", a -> {
            List<Object> dims = a.rest();
            long[] shape = dims.size() == 1 && Values.sequence(dims.get(0)) != null
                    ? Values.toNumpyArray(dims.get(0), null).longs()
                    : dims.stream().mapToLong(Values::toLong).toArray();
            return a.apply(ReshapeOp.RESHAPE, Attrs.of("shape", shape), a.get(0));
        });
        m.method(Tensor.class, "ravel | flatten", "self", a -> a.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1}), a.get(0)));
        m.method(Tensor.class, "astype", "self, dtype", a -> a.apply(CastOp.INSTANCE, Attrs.of("dtype", a.dtype(1)), a.get(0)));
        for (String fn : List.of("sum", "mean", "max", "min")) {
            m.method(Tensor.class, fn, "self, axis=none, keepdims=false", a -> reduce(a, fn));
        }
        m.method(Tensor.class, "argmax", "self, axis=0", a -> a.apply(ArgReduceOp.ARGMAX, Attrs.of("axis", (int) a.integer(1)), a.get(0)));
        m.property(Tensor.class, "T", (v, s) -> TensorCalls.apply(s, null, TransposeOp.INSTANCE, Attrs.of("perm", null), v));
    }

    private static Object reduce(Args a, String fn) {
        return ReductionBuiltins.reduce(a.session(), a.span(), fn, a.get(0), a.axes(1), a.bool(2));
    }

    /** The shape as a tuple, with none for dimensions known only when fed. */
    private static NnlTuple shape(Object t) {
        List<Object> dims = new ArrayList<>();
        for (long d : TensorCalls.shapeOf(t)) dims.add(d == Shapes.UNKNOWN ? null : (Object) d);
        return new NnlTuple(dims);
    }

    private static Object toList(Tensor t) {
        if (t.rank() == 0) return t.item();
        List<Object> out = new ArrayList<>();
        for (Object row : HostBuiltins.elements(t)) out.add(toList((Tensor) row));
        return new NnlList(out);
    }
}
