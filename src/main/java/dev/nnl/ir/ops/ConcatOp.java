package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.ShapeOps;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Joins its inputs along attribute {@code axis}. */
public final class ConcatOp implements OpDef {
    public static final ConcatOp INSTANCE = new ConcatOp();

    private ConcatOp() {}

    @Override public String name() { return "concat"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        if (in.isEmpty()) throw new ShapeError("concat of an empty list");
        TensorType first = in.get(0);
        int a = Shapes.axis(attrs.getInt("axis"), first.rank());
        long[] dims = first.dims().clone();
        for (int k = 1; k < in.size(); k++) {
            TensorType p = in.get(k);
            TypeRules.sameDType("concat", first, p);
            if (p.rank() != first.rank()) throw new ShapeError("concat of tensors with ranks " + first.rank() + " and " + p.rank());
            for (int i = 0; i < p.rank(); i++) {
                long d = p.dims()[i];
                if (i == a) dims[i] = dims[i] == Shapes.UNKNOWN || d == Shapes.UNKNOWN ? Shapes.UNKNOWN : dims[i] + d;
                else if (d != dims[i] && d != Shapes.UNKNOWN && dims[i] != Shapes.UNKNOWN) {
                    throw new ShapeError("concat along axis " + attrs.getInt("axis") + " of " + first.showShape() + " and "
                            + p.showShape() + ": dimension " + i + " differs");
                }
            }
        }
        return TensorType.of(first.dtype(), dims);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return ShapeOps.concat(in, attrs.getInt("axis"));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            if (!g.needs(node.input(i))) {
                out.add(null);
                continue;
            }
            List<Node> args = new ArrayList<>();
            args.add(dy);
            args.addAll(node.inputs());
            out.add(g.apply(GradientOps.CONCAT_GRAD, Attrs.of("axis", node.attrs().getInt("axis"), "index", i),
                    args.toArray(Node[]::new)));
        }
        return out;
    }
}
