package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.OneHotOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.tensor.Shapes;

/**
 * TF1's losses, built from primitive ops so that autodiff and plans see through them: mean squared error and the
 * cross-entropies on logits (per example, as TF returns them).
 */
final class Losses {
    private Losses() {}

    static void register(BuiltinTable t) {
        t.define("mean_squared_error", "labels, predictions", a -> {
            Object diff = a.apply(BinaryOp.SUBTRACT, Attrs.NONE, a.get(0), a.get(1));
            return reduce(a, ReduceOp.MEAN, a.apply(UnaryOp.SQUARE, Attrs.NONE, diff), null, false);
        });
        t.define("softmax_cross_entropy_with_logits | softmax_cross_entropy_with_logits_v2", "labels, logits, axis=-1",
                a -> crossEntropy(a, a.get(0), a.get(1), (int) a.integer(2)));
        t.define("sparse_softmax_cross_entropy_with_logits", "labels, logits", a -> {
            long[] shape = TensorCalls.shapeOf(a.get(1));
            if (shape == null || shape.length == 0 || shape[shape.length - 1] == Shapes.UNKNOWN) {
                throw a.wrong(1, "logits whose last dimension (the number of classes) is known");
            }
            Object labels = a.apply(OneHotOp.INSTANCE, Attrs.of("depth", shape[shape.length - 1], "on", 1.0, "off", 0.0,
                    "dtype", TensorCalls.dtypeOf(a.get(1))), a.get(0));
            return crossEntropy(a, labels, a.get(1), -1);
        });
        t.define("sigmoid_cross_entropy_with_logits", "labels, logits", a -> {
            // max(x, 0) - x·z + log(1 + exp(-|x|)): TF's overflow-free form
            Object x = a.get(1);
            Object z = TensorCalls.operand(a.get(0), TensorCalls.dtypeOf(x), a.span());
            Object relu = a.apply(UnaryOp.RELU, Attrs.NONE, x);
            Object xz = a.apply(BinaryOp.MULTIPLY, Attrs.NONE, x, z);
            Object tail = a.apply(UnaryOp.LOG1P, Attrs.NONE, a.apply(UnaryOp.EXP, Attrs.NONE,
                    a.apply(UnaryOp.NEGATIVE, Attrs.NONE, a.apply(UnaryOp.ABS, Attrs.NONE, x))));
            return a.apply(BinaryOp.ADD, Attrs.NONE, a.apply(BinaryOp.SUBTRACT, Attrs.NONE, relu, xz), tail);
        });
    }

    /** -Σ labels · log_softmax(logits) along the axis, per example. */
    private static Object crossEntropy(Args a, Object labels, Object logits, int axis) {
        if (TensorCalls.dtypeOf(logits) == null || !TensorCalls.dtypeOf(logits).isFloating()) {
            throw new NnlError("cross-entropy needs float logits, got " + dev.nnl.interp.Values.typeName(logits));
        }
        Object max = reduce(a, ReduceOp.MAX, logits, new int[] {axis}, true);
        Object shifted = a.apply(BinaryOp.SUBTRACT, Attrs.NONE, logits, max);
        Object logSum = a.apply(UnaryOp.LOG, Attrs.NONE, reduce(a, ReduceOp.SUM, a.apply(UnaryOp.EXP, Attrs.NONE, shifted), new int[] {axis}, true));
        Object logSoftmax = a.apply(BinaryOp.SUBTRACT, Attrs.NONE, shifted, logSum);
        // labels take the logits' dtype, as TF casts them (integer one-hot labels are common)
        Object typedLabels = a.apply(CastOp.INSTANCE, Attrs.of("dtype", TensorCalls.dtypeOf(logits)),
                TensorCalls.operand(labels, TensorCalls.dtypeOf(logits), a.span()));
        Object product = a.apply(BinaryOp.MULTIPLY, Attrs.NONE, typedLabels, logSoftmax);
        return a.apply(UnaryOp.NEGATIVE, Attrs.NONE, reduce(a, ReduceOp.SUM, product, new int[] {axis}, false));
    }

    private static Object reduce(Args a, ReduceOp op, Object x, int[] axes, boolean keep) {
        return a.apply(op, Attrs.of("axes", axes, "keepdims", keep), x);
    }
}
