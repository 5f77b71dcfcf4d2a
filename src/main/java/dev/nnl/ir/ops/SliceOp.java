package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import java.util.Collections;
import java.util.List;

/** numpy indexing {@code x[...]} with a fixed index (attribute {@code index}). */
public final class SliceOp implements OpDef {
    public static final SliceOp INSTANCE = new SliceOp();

    private SliceOp() {}

    @Override public String name() { return "slice"; }

    @SuppressWarnings("unchecked")
    static List<Slicing.Index> index(Attrs attrs) {
        return (List<Slicing.Index>) attrs.get("index");
    }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        return TensorType.of(in.get(0).dtype(), Slicing.outputShape(in.get(0).dims(), index(attrs)));
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return Slicing.get(in.get(0), index(attrs));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        return Collections.singletonList(g.apply(SlicesGradOp.INSTANCE, Attrs.of("indices", List.of(index(node.attrs()))),
                node.input(0), dy));
    }
}
