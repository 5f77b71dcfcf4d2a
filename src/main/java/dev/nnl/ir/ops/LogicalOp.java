package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import java.util.List;

/** logical_and / logical_or of bool tensors. */
public final class LogicalOp implements OpDef {
    public static final LogicalOp AND = new LogicalOp("and");
    public static final LogicalOp OR = new LogicalOp("or");

    private final String kind;

    private LogicalOp(String kind) {
        this.kind = kind;
    }

    @Override public String name() { return "logical_" + kind; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        if (in.get(0).dtype() != DType.BOOL || in.get(1).dtype() != DType.BOOL) {
            throw new ShapeError(name() + " needs bool tensors, got " + in.get(0).dtype() + " and " + in.get(1).dtype());
        }
        return TypeRules.broadcast(name(), in.get(0), in.get(1), DType.BOOL);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return TensorOps.logical(kind, in.get(0), in.get(1));
    }
}
