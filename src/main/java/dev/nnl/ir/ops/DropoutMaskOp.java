package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.rng.TfRandom;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import java.util.List;

/**
 * The scaled keep-mask of inverted dropout for a tensor shaped like input 0, with keep probability input 1:
 * floor(keep + u) / keep for uniform u, as TF computes it, so survivors are scaled by 1/keep. Each evaluation
 * draws a fresh mask from the node's own random stream (attribute {@code stream}); that makes it stateful, so
 * passes never fold or merge it. It has no gradient: dropout is {@code x * mask}.
 */
public final class DropoutMaskOp implements OpDef {
    public static final DropoutMaskOp INSTANCE = new DropoutMaskOp();

    private DropoutMaskOp() {}

    @Override public String name() { return "dropout_mask"; }

    @Override public Purity purity() { return Purity.READS_STATE; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        if (!x.dtype().isFloating()) throw new ShapeError("dropout needs a float tensor, got " + x.dtype(), "cast(x, float32)");
        if (in.get(1).rank() != 0) throw new ShapeError("the keep probability of dropout must be a scalar, got shape " + in.get(1).showShape());
        return x;
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        Tensor x = in.get(0);
        double keep = in.get(1).view().get(0);
        if (!(keep > 0 && keep <= 1)) throw new ShapeError("the keep probability of dropout must be in (0, 1], got " + keep);
        int n = (int) Shapes.size(x.shape());
        float[] u = ((TfRandom) attrs.get("stream")).uniform(n);
        Tensor mask = Tensor.allocate(x.dtype(), x.shape());
        View m = mask.view();
        for (int i = 0; i < n; i++) m.set(i, Math.floor(keep + u[i]) / keep);
        return mask;
    }
}
