package dev.nnl.train;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.ArgReduceOp;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.layers.LayerCall;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;

/**
 * A Keras metric: a value per example whose mean over the epoch is reported (accuracies are 1 for a hit, 0 for a
 * miss). {@code accuracy} picks its kind from the loss and shapes, as Keras does, and keeps its name.
 */
public record Metric(String name, Kind kind) {
    public enum Kind { SPARSE_CATEGORICAL_ACCURACY, CATEGORICAL_ACCURACY, BINARY_ACCURACY, MSE, MAE }

    /** A metric by name; {@code accuracy} depends on the loss and the shapes of labels and predictions. */
    public static Metric named(String name, LossFunction loss, long[] labelShape, long[] predShape) {
        Kind kind = switch (name) {
            case "accuracy", "acc" -> accuracyFor(loss, labelShape, predShape);
            case "sparse_categorical_accuracy" -> Kind.SPARSE_CATEGORICAL_ACCURACY;
            case "categorical_accuracy" -> Kind.CATEGORICAL_ACCURACY;
            case "binary_accuracy" -> Kind.BINARY_ACCURACY;
            case "mse", "mean_squared_error" -> Kind.MSE;
            case "mae", "mean_absolute_error" -> Kind.MAE;
            default -> throw new NnlError("unknown metric '" + name + "'", "use accuracy, sparse_categorical_accuracy, "
                    + "categorical_accuracy, binary_accuracy, mse or mae");
        };
        return new Metric(name.equals("acc") ? "accuracy" : name, kind);
    }

    private static Kind accuracyFor(LossFunction loss, long[] labelShape, long[] predShape) {
        if (loss.sparseLabels()) return Kind.SPARSE_CATEGORICAL_ACCURACY;
        if (loss.kind() == LossFunction.Kind.BINARY || predShape[predShape.length - 1] == 1) return Kind.BINARY_ACCURACY;
        if (labelShape.length == 1 || labelShape[labelShape.length - 1] == 1) return Kind.SPARSE_CATEGORICAL_ACCURACY;
        return Kind.CATEGORICAL_ACCURACY;
    }

    /** The metric of each example, as float32. */
    public Object perExample(LayerCall at, Object yTrue, Object yPred) {
        Object pred = at.floating(yPred);
        return switch (kind) {
            case SPARSE_CATEGORICAL_ACCURACY -> {
                long[] shape = TensorCalls.shapeOf(yTrue);
                Object labels = shape.length == 2 && shape[1] == 1
                        ? at.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1}), yTrue) : yTrue;
                yield hits(at, argmax(at, pred), at.apply(CastOp.INSTANCE, Attrs.of("dtype", DType.INT64), labels));
            }
            case CATEGORICAL_ACCURACY -> hits(at, argmax(at, pred), argmax(at, yTrue));
            case BINARY_ACCURACY -> {
                Object predicted = at.apply(CompareOp.of(">"), Attrs.NONE, pred, Tensor.scalar(0.5, DType.FLOAT32));
                Object actual = at.apply(CompareOp.of(">"), Attrs.NONE, at.floating(yTrue), Tensor.scalar(0.5, DType.FLOAT32));
                yield meanLast(at, at.apply(CastOp.INSTANCE, Attrs.of("dtype", DType.FLOAT32),
                        at.apply(CompareOp.of("=="), Attrs.NONE, predicted, actual)));
            }
            case MSE -> meanLast(at, at.apply(UnaryOp.SQUARE, Attrs.NONE, at.apply(BinaryOp.SUBTRACT, Attrs.NONE, pred, at.floating(yTrue))));
            case MAE -> meanLast(at, at.apply(UnaryOp.ABS, Attrs.NONE, at.apply(BinaryOp.SUBTRACT, Attrs.NONE, pred, at.floating(yTrue))));
        };
    }

    private static Object argmax(LayerCall at, Object x) {
        return at.apply(CastOp.INSTANCE, Attrs.of("dtype", DType.INT64), at.apply(ArgReduceOp.ARGMAX, Attrs.of("axis", -1), x));
    }

    private static Object hits(LayerCall at, Object a, Object b) {
        return at.apply(CastOp.INSTANCE, Attrs.of("dtype", DType.FLOAT32), at.apply(CompareOp.of("=="), Attrs.NONE, a, b));
    }

    private static Object meanLast(LayerCall at, Object x) {
        return at.apply(ReduceOp.MEAN, Attrs.of("axes", new int[] {-1}, "keepdims", false), x);
    }
}
