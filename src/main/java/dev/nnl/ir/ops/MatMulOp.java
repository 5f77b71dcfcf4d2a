package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import java.util.Arrays;
import java.util.List;

/** Matrix product over the last two axes (leading axes broadcast). */
public final class MatMulOp implements OpDef {
    public static final MatMulOp INSTANCE = new MatMulOp();

    private MatMulOp() {}

    @Override public String name() { return "matmul"; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType a = in.get(0);
        TensorType b = in.get(1);
        TypeRules.sameDType("matmul", a, b);
        long[] dims = Shapes.matmul(a.dims(), b.dims());
        String[] names = new String[dims.length];
        if (a.rank() >= 2) names[dims.length - 2] = a.names()[a.rank() - 2];
        if (b.rank() >= 2) names[dims.length - 1] = b.names()[b.rank() - 1];
        String inA = a.rank() >= 1 ? a.names()[a.rank() - 1] : null;
        String inB = b.rank() >= 2 ? b.names()[b.rank() - 2] : null;
        if (inA != null && inB != null && !inA.equals(inB)) {
            throw new dev.nnl.tensor.ShapeError("matmul of " + a.showShape() + " and " + b.showShape()
                    + ": inner dimensions '" + inA + "' and '" + inB + "' differ");
        }
        return new TensorType(a.dtype(), dims, names);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return TensorOps.matmul(in.get(0), in.get(1));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        Node a = node.input(0);
        Node b = node.input(1);
        Node da = g.needs(a) ? g.unbroadcast(g.apply(this, Attrs.NONE, dy, transposed(g, b)), a) : null;
        Node db = g.needs(b) ? g.unbroadcast(g.apply(this, Attrs.NONE, transposed(g, a), dy), b) : null;
        return Arrays.asList(da, db);
    }

    private static Node transposed(GradientBuilder g, Node x) {
        int rank = x.type().rank();
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) perm[i] = i;
        perm[rank - 2] = rank - 1;
        perm[rank - 1] = rank - 2;
        return g.apply(TransposeOp.INSTANCE, Attrs.of("perm", perm), x);
    }
}
