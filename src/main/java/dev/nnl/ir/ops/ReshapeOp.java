package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.ShapeOps;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.Collections;
import java.util.List;

/**
 * Shape changes that keep the elements in order: reshape (attribute {@code shape}, one -1 allowed), squeeze
 * (attribute {@code axes}, null for all size-1 axes) and expand_dims (attribute {@code axis}).
 */
public final class ReshapeOp implements OpDef {
    public static final ReshapeOp RESHAPE = new ReshapeOp("reshape");
    public static final ReshapeOp SQUEEZE = new ReshapeOp("squeeze");
    public static final ReshapeOp EXPAND_DIMS = new ReshapeOp("expand_dims");

    private final String name;

    private ReshapeOp(String name) {
        this.name = name;
    }

    @Override public String name() { return name; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        long[] dims = switch (name) {
            case "reshape" -> Shapes.reshape(x.dims(), attrs.getLongs("shape"));
            case "squeeze" -> ShapeOps.squeezedShape(x.dims(), attrs.getInts("axes"));
            default -> ShapeOps.expandedShape(x.dims(), attrs.getInt("axis"));
        };
        return TensorType.of(x.dtype(), dims);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        Tensor x = in.get(0);
        return switch (name) {
            case "reshape" -> ShapeOps.reshape(x, attrs.getLongs("shape"));
            case "squeeze" -> ShapeOps.squeeze(x, attrs.getInts("axes"));
            default -> ShapeOps.expandDims(x, attrs.getInt("axis"));
        };
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        return Collections.singletonList(g.apply(GradientOps.RESHAPE_LIKE, Attrs.NONE, dy, node.input(0)));
    }
}
