package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.Values;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeOps;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** reshape, squeeze, transpose, concat, stack, split, one_hot and friends. */
final class ShapeBuiltins {
    private ShapeBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("reshape", "tensor, shape", a -> ShapeOps.reshape(a.tensor(0), a.shape(1)));
        t.define("squeeze", "input, axis=none", a -> ShapeOps.squeeze(a.tensor(0), a.axes(1)));
        t.define("expand_dims", "input, axis", a -> ShapeOps.expandDims(a.tensor(0), (int) a.integer(1)));
        t.define("transpose", "a, perm=none", a -> ShapeOps.transpose(a.tensor(0), a.axes(1)));
        t.define("concat | concatenate", "values, axis=0", a -> ShapeOps.concat(tensors(a, 0), (int) a.integer(1)));
        t.define("stack", "values, axis=0", a -> ShapeOps.stack(tensors(a, 0), (int) a.integer(1)));
        t.define("unstack", "value, axis=0", a -> {
            Tensor x = ShapeOps.transpose(a.tensor(0), moveToFront(a.tensor(0).rank(), (int) a.integer(1)));
            List<Object> out = new ArrayList<>();
            for (Object row : HostBuiltins.elements(x)) out.add(row);
            return new NnlList(out);
        });
        t.define("split", "value, num_or_size_splits, axis=0", a -> {
            Tensor x = a.tensor(0);
            int axis = (int) a.integer(2);
            long dim = x.shape()[dev.nnl.tensor.Shapes.axis(axis, x.rank())];
            long[] sizes;
            if (a.get(1) instanceof Long n) {
                if (n <= 0 || dim % n != 0) throw new NnlError("split: axis of size " + dim + " cannot be cut into " + n + " equal parts");
                sizes = new long[n.intValue()];
                Arrays.fill(sizes, dim / n);
            } else {
                sizes = a.shape(1);
            }
            return new NnlList(new ArrayList<>(ShapeOps.split(x, sizes, axis)));
        });
        t.define("flatten | ravel", "x", a -> ShapeOps.reshape(a.tensor(0), new long[] {-1}));
        t.define("tile", "input, multiples", a -> ShapeOps.tile(a.tensor(0), a.shape(1)));
        t.define("one_hot", "indices, depth, on_value=1.0, off_value=0.0, dtype=float32",
                a -> ShapeOps.oneHot(a.tensor(0), a.integer(1), a.number(2), a.number(3), a.dtype(4)));
        t.define("shape", "input", a -> Tensor.ofLongs(new long[] {a.tensor(0).rank()}, a.tensor(0).shape(), DType.INT32));
        t.define("size", "input", a -> a.tensor(0).size());
        t.define("rank", "input", a -> (long) a.tensor(0).rank());
    }

    private static int[] moveToFront(int rank, int axis) {
        int ax = dev.nnl.tensor.Shapes.axis(axis, rank);
        int[] perm = new int[rank];
        perm[0] = ax;
        for (int i = 0, k = 1; i < rank; i++) if (i != ax) perm[k++] = i;
        return perm;
    }

    /** A list of tensors; host numbers and lists convert with the dtype of the first tensor among them. */
    static List<Tensor> tensors(Args a, int i) {
        List<Object> items = HostBuiltins.elements(a.get(i));
        DType like = null;
        for (Object o : items) if (o instanceof Tensor t) like = like == null ? t.dtype() : like;
        List<Tensor> out = new ArrayList<>();
        for (Object o : items) out.add(Values.toTensor(o, like));
        return out;
    }
}
