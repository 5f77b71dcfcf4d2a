package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.Collections;
import java.util.List;

/** Converts to another dtype (float to int truncates, bool to number gives 0/1). */
public final class CastOp implements OpDef {
    public static final CastOp INSTANCE = new CastOp();

    private CastOp() {}

    @Override public String name() { return "cast"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        return in.get(0).withDType((DType) attrs.get("dtype"));
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return in.get(0).cast((DType) attrs.get("dtype"));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        DType from = node.input(0).type().dtype();
        if (!from.isFloating() || !dy.type().dtype().isFloating()) return null;
        return Collections.singletonList(g.apply(this, Attrs.of("dtype", from), dy));
    }
}
