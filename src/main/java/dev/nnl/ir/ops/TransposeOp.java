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

/** Permutes axes by attribute {@code perm} (null reverses them). */
public final class TransposeOp implements OpDef {
    public static final TransposeOp INSTANCE = new TransposeOp();

    private TransposeOp() {}

    @Override public String name() { return "transpose"; }

    static int[] permutation(int[] perm, int rank) {
        if (perm == null) {
            int[] p = new int[rank];
            for (int i = 0; i < rank; i++) p[i] = rank - 1 - i;
            return p;
        }
        if (perm.length != rank) {
            throw new dev.nnl.tensor.ShapeError("transpose perm has " + perm.length + " entries for a tensor of rank " + rank);
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = Shapes.axis(perm[i], rank);
            if (seen[p[i]]) throw new dev.nnl.tensor.ShapeError("transpose perm repeats axis " + p[i]);
            seen[p[i]] = true;
        }
        return p;
    }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        int[] p = permutation(attrs.getInts("perm"), x.rank());
        long[] dims = new long[p.length];
        String[] names = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            dims[i] = x.dims()[p[i]];
            names[i] = x.names()[p[i]];
        }
        return new TensorType(x.dtype(), dims, names);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return ShapeOps.transpose(in.get(0), permutation(attrs.getInts("perm"), in.get(0).rank()));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        int[] p = permutation(node.attrs().getInts("perm"), node.type().rank());
        int[] inverse = new int[p.length];
        for (int i = 0; i < p.length; i++) inverse[p[i]] = i;
        return Collections.singletonList(g.apply(this, Attrs.of("perm", inverse), dy));
    }
}
