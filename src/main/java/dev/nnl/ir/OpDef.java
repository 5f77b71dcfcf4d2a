package dev.nnl.ir;

import dev.nnl.tensor.Tensor;
import java.util.List;

/**
 * What the IR knows about one op: its shape and dtype rule, its kernel, its gradient rule and its purity.
 * Adding an op means writing one OpDef (in {@code dev.nnl.ir.ops}) and the builtin that applies it.
 */
public interface OpDef {
    /** Whether a node may be folded, merged or dropped freely, or touches session state. */
    enum Purity { PURE, READS_STATE, WRITES_STATE }

    String name();

    default Purity purity() { return Purity.PURE; }

    /** The output type for these input types; throws {@link dev.nnl.tensor.ShapeError} on a mismatch. */
    TensorType infer(List<TensorType> inputs, Attrs attrs);

    /** Computes the output from concrete inputs. */
    Tensor compute(List<Tensor> inputs, Attrs attrs);

    /**
     * Nodes computing the gradient of the loss with respect to each input, given {@code upstream}, the gradient with
     * respect to this node's output; null entries for inputs without a gradient. Ops without a rule return null.
     */
    default List<Node> gradient(GradientBuilder g, Node node, Node upstream) {
        return null;
    }
}
