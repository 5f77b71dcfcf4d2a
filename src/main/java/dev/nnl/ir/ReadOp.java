package dev.nnl.ir;

import dev.nnl.tensor.Tensor;
import java.util.List;

/** Reads a variable's current value. */
public final class ReadOp implements OpDef {
    public static final ReadOp INSTANCE = new ReadOp();

    private ReadOp() {}

    @Override public String name() { return "read"; }

    @Override public Purity purity() { return Purity.READS_STATE; }

    public static Variable variable(Node node) { return (Variable) node.attrs().get("variable"); }

    @Override
    public TensorType infer(List<TensorType> inputs, Attrs attrs) {
        return ((Variable) attrs.get("variable")).type();
    }

    @Override
    public Tensor compute(List<Tensor> inputs, Attrs attrs) {
        return ((Variable) attrs.get("variable")).current().copy();
    }
}
