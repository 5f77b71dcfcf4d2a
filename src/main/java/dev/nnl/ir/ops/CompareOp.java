package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import java.util.List;

/** Elementwise comparisons giving bool tensors (no gradient). */
public final class CompareOp implements OpDef {
    private static final List<CompareOp> ALL = List.of(new CompareOp("less", "<"), new CompareOp("less_equal", "<="),
            new CompareOp("greater", ">"), new CompareOp("greater_equal", ">="), new CompareOp("equal", "=="),
            new CompareOp("not_equal", "!="));

    private final String name;
    private final String symbol;

    private CompareOp(String name, String symbol) {
        this.name = name;
        this.symbol = symbol;
    }

    public static CompareOp of(String symbol) {
        return ALL.stream().filter(o -> o.symbol.equals(symbol)).findFirst().orElseThrow();
    }

    public static List<CompareOp> all() { return ALL; }

    @Override public String name() { return name; }

    public String symbol() { return symbol; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        String op = TypeRules.describe(symbol);
        TypeRules.sameDType(op, in.get(0), in.get(1));
        return TypeRules.broadcast(op, in.get(0), in.get(1), DType.BOOL);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return TensorOps.compare(symbol, in.get(0), in.get(1));
    }
}
