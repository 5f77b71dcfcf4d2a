package dev.nnl.train;

import dev.nnl.interp.Callable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.LogSoftmaxOp;
import dev.nnl.ir.ops.OneHotOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.ir.ops.SoftmaxOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.layers.LayerCall;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A Keras loss: the loss of each example from labels and predictions; compile's loss is their mean. Probabilities
 * are clipped to [1e-7, 1 - 1e-7] before the log, as Keras does; a prediction that comes straight out of a softmax
 * (or from_logits=true) is taken as logits, which is exact and cannot overflow.
 */
public record LossFunction(String name, Kind kind, boolean fromLogits, Callable custom) {
    private static final double EPSILON = 1e-7;

    public enum Kind { MSE, MAE, SPARSE_CATEGORICAL, CATEGORICAL, BINARY, CUSTOM }

    public static LossFunction named(String name, boolean fromLogits) {
        Kind kind = switch (name) {
            case "mse", "mean_squared_error" -> Kind.MSE;
            case "mae", "mean_absolute_error" -> Kind.MAE;
            case "sparse_categorical_crossentropy" -> Kind.SPARSE_CATEGORICAL;
            case "categorical_crossentropy" -> Kind.CATEGORICAL;
            case "binary_crossentropy" -> Kind.BINARY;
            default -> throw new NnlError("unknown loss '" + name + "'", "use mse, mae, sparse_categorical_crossentropy, "
                    + "categorical_crossentropy, binary_crossentropy, or a function (y_true, y_pred)");
        };
        String canonical = kind == Kind.MSE ? "mean_squared_error" : kind == Kind.MAE ? "mean_absolute_error" : name;
        return new LossFunction(canonical, kind, fromLogits, null);
    }

    public static LossFunction of(Callable f) {
        return new LossFunction(f.name(), Kind.CUSTOM, false, f);
    }

    /** Whether the labels are class indices (one number per example) rather than one value per output. */
    public boolean sparseLabels() { return kind == Kind.SPARSE_CATEGORICAL; }

    /**
     * Labels and predictions as compile's losses and metrics meet them: as Keras's loss wrappers do, when one side has
     * an extra trailing axis of 1 (a regression's dense(1) output [N, 1] against labels [N]), the other side gains
     * it, so they pair element by element instead of broadcasting to [N, N].
     */
    static Object[] aligned(LayerCall at, Object yTrue, Object yPred) {
        long[] t = TensorCalls.shapeOf(yTrue);
        long[] p = TensorCalls.shapeOf(yPred);
        if (p.length == t.length + 1 && p[p.length - 1] == 1) yTrue = expandLast(at, yTrue);
        else if (t.length == p.length + 1 && t[t.length - 1] == 1) yPred = expandLast(at, yPred);
        return new Object[] {yTrue, yPred};
    }

    private static Object expandLast(LayerCall at, Object x) {
        return at.apply(ReshapeOp.EXPAND_DIMS, Attrs.of("axis", -1), x);
    }

    /** The loss of each example. */
    public Object perExample(LayerCall at, Object yTrue, Object yPred) {
        Object pred = at.floating(yPred);
        return switch (kind) {
            case MSE -> meanLast(at, at.apply(UnaryOp.SQUARE, Attrs.NONE, difference(at, yTrue, pred)));
            case MAE -> meanLast(at, at.apply(UnaryOp.ABS, Attrs.NONE, difference(at, yTrue, pred)));
            case SPARSE_CATEGORICAL -> crossEntropy(at, oneHot(at, yTrue, pred), pred);
            case CATEGORICAL -> crossEntropy(at, at.floating(yTrue), pred);
            case BINARY -> binary(at, at.floating(yTrue), pred);
            case CUSTOM -> custom.call(at.interpreter(), List.of(yTrue, yPred), Map.of(), at.span());
        };
    }

    private static Object difference(LayerCall at, Object yTrue, Object pred) {
        return at.apply(BinaryOp.SUBTRACT, Attrs.NONE, pred, at.floating(yTrue));
    }

    private static Object meanLast(LayerCall at, Object x) {
        return at.apply(ReduceOp.MEAN, Attrs.of("axes", new int[] {-1}, "keepdims", false), x);
    }

    private static Object sumLast(LayerCall at, Object x) {
        return at.apply(ReduceOp.SUM, Attrs.of("axes", new int[] {-1}, "keepdims", false), x);
    }

    /** Class indices [N] or [N, 1] as one-hot rows as wide as the predictions. */
    static Object oneHot(LayerCall at, Object labels, Object pred) {
        long[] shape = TensorCalls.shapeOf(labels);
        Object flat = shape.length == 2 && shape[1] == 1
                ? at.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1}), labels) : labels;
        Object indices = at.apply(CastOp.INSTANCE, Attrs.of("dtype", DType.INT64), flat);
        long[] predShape = TensorCalls.shapeOf(pred);
        long classes = predShape[predShape.length - 1];
        return at.apply(OneHotOp.INSTANCE, Attrs.of("depth", classes, "on", 1.0, "off", 0.0, "dtype", DType.FLOAT32), indices);
    }

    private Object crossEntropy(LayerCall at, Object target, Object pred) {
        Object logits = logits(pred);
        if (logits != null) {
            Object logSoftmax = at.apply(LogSoftmaxOp.INSTANCE, Attrs.of("axis", -1), logits);
            return at.apply(UnaryOp.NEGATIVE, Attrs.NONE, sumLast(at, at.apply(BinaryOp.MULTIPLY, Attrs.NONE, target, logSoftmax)));
        }
        Object logP = at.apply(UnaryOp.LOG, Attrs.NONE, clip(at, pred));
        return at.apply(UnaryOp.NEGATIVE, Attrs.NONE, sumLast(at, at.apply(BinaryOp.MULTIPLY, Attrs.NONE, target, logP)));
    }

    private Object binary(LayerCall at, Object target, Object pred) {
        Object one = Tensor.scalar(1, DType.FLOAT32);
        if (fromLogits) {
            // max(x, 0) - x·z + log(1 + exp(-|x|)), which cannot overflow
            Object relu = at.apply(UnaryOp.RELU, Attrs.NONE, pred);
            Object xz = at.apply(BinaryOp.MULTIPLY, Attrs.NONE, pred, target);
            Object tail = at.apply(UnaryOp.LOG1P, Attrs.NONE, at.apply(UnaryOp.EXP, Attrs.NONE,
                    at.apply(UnaryOp.NEGATIVE, Attrs.NONE, at.apply(UnaryOp.ABS, Attrs.NONE, pred))));
            return meanLast(at, at.apply(BinaryOp.ADD, Attrs.NONE, at.apply(BinaryOp.SUBTRACT, Attrs.NONE, relu, xz), tail));
        }
        Object p = clip(at, pred);
        Object pos = at.apply(BinaryOp.MULTIPLY, Attrs.NONE, target, at.apply(UnaryOp.LOG, Attrs.NONE, p));
        Object neg = at.apply(BinaryOp.MULTIPLY, Attrs.NONE, at.apply(BinaryOp.SUBTRACT, Attrs.NONE, one, target),
                at.apply(UnaryOp.LOG, Attrs.NONE, at.apply(BinaryOp.SUBTRACT, Attrs.NONE, one, p)));
        return meanLast(at, at.apply(UnaryOp.NEGATIVE, Attrs.NONE, at.apply(BinaryOp.ADD, Attrs.NONE, pos, neg)));
    }

    /** The logits behind a prediction: itself with from_logits, the input of a final softmax over the last axis, else null. */
    private Object logits(Object pred) {
        if (fromLogits) return pred;
        if (pred instanceof GraphTensor g && g.value() == null && g.node().op() == SoftmaxOp.INSTANCE) {
            int axis = g.node().attrs().getInt("axis");
            if (axis == -1 || axis == g.type().rank() - 1) return new GraphTensor(g.node().input(0), null);
        }
        return null;
    }

    private static Object clip(LayerCall at, Object p) {
        return at.apply(UnaryOp.CLIP, Attrs.of("min", EPSILON, "max", 1 - EPSILON), p);
    }
}
