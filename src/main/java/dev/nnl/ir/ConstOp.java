package dev.nnl.ir;

import dev.nnl.tensor.Tensor;
import java.util.List;

/** A constant tensor inside a recipe. Each use of a plain tensor gets its own node that remembers the tensor. */
public final class ConstOp implements OpDef {
    public static final ConstOp INSTANCE = new ConstOp();

    private ConstOp() {}

    @Override public String name() { return "const"; }

    public static Tensor tensor(Node node) { return (Tensor) node.attrs().get("value"); }

    @Override
    public TensorType infer(List<TensorType> inputs, Attrs attrs) {
        Tensor t = (Tensor) attrs.get("value");
        return TensorType.of(t.dtype(), t.shape());
    }

    @Override
    public Tensor compute(List<Tensor> inputs, Attrs attrs) {
        return (Tensor) attrs.get("value");
    }
}
