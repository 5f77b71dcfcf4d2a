package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import java.util.Arrays;
import java.util.List;

/** where(cond, x, y): x where cond holds, else y; the gradient flows to the branch chosen. */
public final class WhereOp implements OpDef {
    public static final WhereOp INSTANCE = new WhereOp();

    private WhereOp() {}

    @Override public String name() { return "where"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        if (in.get(0).dtype() != DType.BOOL) {
            throw new ShapeError("where needs a bool condition, got " + in.get(0).dtype(), "compare first, e.g. where(greater(a, b), a, b)");
        }
        DType d = TypeRules.sameDType("where", in.get(1), in.get(2));
        TensorType cx = TypeRules.broadcast("where", in.get(0), in.get(1), d);
        return TypeRules.broadcast("where", cx, in.get(2), d);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return TensorOps.where(in.get(0), in.get(1), in.get(2));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        Node c = node.input(0);
        Node zero = g.scalar(0, dy.type().dtype());
        Node dx = g.needs(node.input(1)) ? g.unbroadcast(g.apply(this, Attrs.NONE, c, dy, zero), node.input(1)) : null;
        Node dz = g.needs(node.input(2)) ? g.unbroadcast(g.apply(this, Attrs.NONE, c, zero, dy), node.input(2)) : null;
        return Arrays.asList(null, dx, dz);
    }
}
