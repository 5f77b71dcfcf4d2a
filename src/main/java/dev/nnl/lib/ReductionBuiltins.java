package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.ArgReduceOp;
import dev.nnl.ir.ops.ReduceOp;

/** reduce_* over axes and argmax/argmin; a list of tensors is stacked first, as TF does. */
final class ReductionBuiltins {
    private ReductionBuiltins() {}

    static void register(BuiltinTable t) {
        reduction(t, "reduce_sum", "sum");
        reduction(t, "reduce_mean | mean", "mean");
        reduction(t, "reduce_max", "max");
        reduction(t, "reduce_min", "min");
        reduction(t, "reduce_prod | prod", "prod");
        reduction(t, "reduce_any", "any");
        reduction(t, "reduce_all", "all");
        t.define("argmax", "input, axis=0, name=none", a -> a.apply(ArgReduceOp.ARGMAX, Attrs.of("axis", (int) a.integer(1)), a.get(0)));
        t.define("argmin", "input, axis=0, name=none", a -> a.apply(ArgReduceOp.ARGMIN, Attrs.of("axis", (int) a.integer(1)), a.get(0)));
    }

    private static void reduction(BuiltinTable t, String names, String fn) {
        // keep_dims and reduction_indices are TF1's spellings of keepdims and axis
        t.define(names, "input_tensor, axis=none, keepdims=false, keep_dims=false, reduction_indices=none, name=none",
                a -> reduce(a.session(), a.span(), fn, a.get(0), a.isNone(1) ? a.axes(4) : a.axes(1), a.bool(2) || a.bool(3)));
    }

    /** A reduction of a tensor, or of a list of tensors stacked first. */
    static Object reduce(dev.nnl.interp.Session s, dev.nnl.syntax.Span span, String fn, Object x, int[] axes, boolean keep) {
        Object operand = TensorCalls.isTensorLike(x) ? x : Values.sequence(x) != null && Values.sequence(x).stream()
                .anyMatch(o -> o instanceof dev.nnl.ir.GraphTensor || o instanceof dev.nnl.ir.Variable)
                ? ShapeBuiltins.stack(s, span, HostBuiltins.operands(x), 0) : x;
        return TensorCalls.apply(s, span, ReduceOp.of(fn), Attrs.of("axes", axes, "keepdims", keep), operand);
    }
}
