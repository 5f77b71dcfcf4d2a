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
import java.util.Collections;
import java.util.List;

/** Repeats a tensor along each axis by attribute {@code multiples}. */
public final class TileOp implements OpDef {
    public static final TileOp INSTANCE = new TileOp();

    private TileOp() {}

    @Override public String name() { return "tile"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        long[] m = attrs.getLongs("multiples");
        if (m.length != x.rank()) throw new ShapeError("tile needs one multiple per axis: " + x.rank());
        long[] dims = new long[m.length];
        for (int i = 0; i < m.length; i++) dims[i] = x.dims()[i] == Shapes.UNKNOWN ? Shapes.UNKNOWN : x.dims()[i] * m[i];
        return TensorType.of(x.dtype(), dims);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return ShapeOps.tile(in.get(0), attrs.getLongs("multiples"));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        return Collections.singletonList(g.apply(GradientOps.TILE_GRAD, node.attrs(), dy, node.input(0)));
    }
}
