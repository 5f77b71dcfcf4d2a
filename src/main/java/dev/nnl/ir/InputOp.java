package dev.nnl.ir;

import dev.nnl.tensor.Tensor;
import java.util.List;

/** A placeholder: a value known only when fed to run. */
public final class InputOp implements OpDef {
    public static final InputOp INSTANCE = new InputOp();

    private InputOp() {}

    @Override public String name() { return "input"; }

    @Override public Purity purity() { return Purity.READS_STATE; }

    @Override
    public TensorType infer(List<TensorType> inputs, Attrs attrs) {
        return (TensorType) attrs.get("type");
    }

    @Override
    public Tensor compute(List<Tensor> inputs, Attrs attrs) {
        throw new IllegalStateException("inputs are bound by the evaluator");
    }
}
