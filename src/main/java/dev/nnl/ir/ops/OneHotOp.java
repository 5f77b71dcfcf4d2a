package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.ShapeOps;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** one_hot(indices, depth): a new last axis of length depth (no gradient). */
public final class OneHotOp implements OpDef {
    public static final OneHotOp INSTANCE = new OneHotOp();

    private OneHotOp() {}

    @Override public String name() { return "one_hot"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        if (!x.dtype().isInteger()) throw new ShapeError("one_hot needs integer indices, got " + x.dtype(), "cast first: cast(y, int32)");
        long[] dims = Arrays.copyOf(x.dims(), x.rank() + 1);
        dims[x.rank()] = ((Number) attrs.get("depth")).longValue();
        return TensorType.of((DType) attrs.get("dtype"), dims);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return ShapeOps.oneHot(in.get(0), ((Number) attrs.get("depth")).longValue(), attrs.getDouble("on"),
                attrs.getDouble("off"), (DType) attrs.get("dtype"));
    }
}
