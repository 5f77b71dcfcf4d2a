package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.tensor.Reductions;

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
        t.define("argmax", "input, axis=0", a -> Reductions.argReduce("argmax", a.tensor(0), (int) a.integer(1)));
        t.define("argmin", "input, axis=0", a -> Reductions.argReduce("argmin", a.tensor(0), (int) a.integer(1)));
    }

    private static void reduction(BuiltinTable t, String names, String fn) {
        // keep_dims and reduction_indices are TF1's spellings of keepdims and axis
        t.define(names, "input_tensor, axis=none, keepdims=false, keep_dims=false, reduction_indices=none, name=none",
                a -> Reductions.reduce(fn, a.tensor(0), a.isNone(1) ? a.axes(4) : a.axes(1), a.bool(2) || a.bool(3)));
    }
}
