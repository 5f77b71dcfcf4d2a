package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import java.util.List;

/**
 * The gradient of slices of one tensor, added: slices_grad(x, dy_1, ..., dy_k) scatters each dy_i into zeros shaped
 * like x at the positions slice i took (attribute {@code indices}: one index per dy), adding in order where positions
 * repeat. A slice's gradient is one with k = 1; where a tensor's gradient comes from several slices in a row (a
 * recurrent layer's time steps and gates), reverse mode merges them: one pass over x instead of k dense tensors of
 * x's size added up.
 */
public final class SlicesGradOp implements OpDef {
    public static final SlicesGradOp INSTANCE = new SlicesGradOp();

    private SlicesGradOp() {}

    @Override public String name() { return "slices_grad"; }

    /** The slices' indices, in the order of the dy inputs. */
    @SuppressWarnings("unchecked")
    public static List<List<Slicing.Index>> indices(Attrs attrs) {
        return (List<List<Slicing.Index>>) attrs.get("indices");
    }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType like = in.get(0);
        return new TensorType(in.get(1).dtype(), like.dims(), like.names());
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        long[] shape = in.get(0).shape();
        Tensor out = Tensor.allocate(in.get(1).dtype(), shape);
        View o = out.view();
        List<List<Slicing.Index>> indices = indices(attrs);
        for (int k = 0; k < indices.size(); k++) {
            long[] positions = Slicing.sourcePositions(shape, indices.get(k));
            View g = in.get(k + 1).view();
            for (int i = 0; i < positions.length; i++) {
                int p = (int) positions[i];
                o.set(p, o.round(o.get(p) + g.get(i)));
            }
        }
        return out;
    }
}
