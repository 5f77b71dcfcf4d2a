package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Reductions;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.List;

/** argmax / argmin along one axis, giving int64 (no gradient). */
public final class ArgReduceOp implements OpDef {
    public static final ArgReduceOp ARGMAX = new ArgReduceOp("argmax");
    public static final ArgReduceOp ARGMIN = new ArgReduceOp("argmin");

    private final String name;

    private ArgReduceOp(String name) {
        this.name = name;
    }

    @Override public String name() { return name; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        long[] dims = Shapes.reduce(x.dims(), new int[] {attrs.getInt("axis")}, false);
        return TensorType.of(DType.INT64, dims);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return Reductions.argReduce(name, in.get(0), attrs.getInt("axis"));
    }
}
