package dev.nnl.lib;

import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.Values;
import dev.nnl.tensor.Reductions;
import dev.nnl.tensor.ShapeOps;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Tensor properties (shape, dtype, T, ndim, size) and the numpy-style methods the course calls on arrays. */
final class TensorMethods {
    private TensorMethods() {}

    static void register(MethodTable m) {
        m.property(Tensor.class, "shape", v -> shape((Tensor) v));
        m.property(Tensor.class, "dtype", v -> ((Tensor) v).dtype());
        m.property(Tensor.class, "ndim", v -> (long) ((Tensor) v).rank());
        m.property(Tensor.class, "size", v -> ((Tensor) v).size());
        m.property(Tensor.class, "T", v -> ShapeOps.transpose((Tensor) v, null));
        m.method(Tensor.class, "get_shape", "self", a -> shape((Tensor) a.get(0)));
        m.method(Tensor.class, "numpy", "self", a -> a.get(0));
        m.method(Tensor.class, "item", "self", a -> {
            Tensor t = (Tensor) a.get(0);
            if (t.size() != 1) throw a.wrong(0, "a tensor with one element");
            return t.item();
        });
        m.method(Tensor.class, "tolist", "self", a -> toList((Tensor) a.get(0)));
        m.method(Tensor.class, "reshape", "self, *shape", a -> {
            List<Object> dims = a.rest();
            long[] shape = dims.size() == 1 && Values.sequence(dims.get(0)) != null
                    ? Values.toNumpyArray(dims.get(0), null).longs()
                    : dims.stream().mapToLong(Values::toLong).toArray();
            return ShapeOps.reshape((Tensor) a.get(0), shape);
        });
        m.method(Tensor.class, "ravel | flatten", "self", a -> ShapeOps.reshape((Tensor) a.get(0), new long[] {-1}));
        m.method(Tensor.class, "astype", "self, dtype", a -> ((Tensor) a.get(0)).cast(a.dtype(1)));
        m.method(Tensor.class, "sum", "self, axis=none, keepdims=false",
                a -> Reductions.reduce("sum", (Tensor) a.get(0), a.axes(1), a.bool(2)));
        m.method(Tensor.class, "mean", "self, axis=none, keepdims=false",
                a -> Reductions.reduce("mean", (Tensor) a.get(0), a.axes(1), a.bool(2)));
        m.method(Tensor.class, "max", "self, axis=none, keepdims=false",
                a -> Reductions.reduce("max", (Tensor) a.get(0), a.axes(1), a.bool(2)));
        m.method(Tensor.class, "min", "self, axis=none, keepdims=false",
                a -> Reductions.reduce("min", (Tensor) a.get(0), a.axes(1), a.bool(2)));
        m.method(Tensor.class, "argmax", "self, axis=0", a -> Reductions.argReduce("argmax", (Tensor) a.get(0), (int) a.integer(1)));
    }

    private static NnlTuple shape(Tensor t) {
        List<Object> dims = new ArrayList<>();
        for (long d : t.shape()) dims.add(d);
        return new NnlTuple(dims);
    }

    private static Object toList(Tensor t) {
        if (t.rank() == 0) return t.item();
        List<Object> out = new ArrayList<>();
        for (Object row : HostBuiltins.elements(t)) out.add(toList((Tensor) row));
        return new NnlList(out);
    }
}
