package dev.nnl.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reductions over axes (all when none are given), with TF's rules: integer mean truncates, argmax gives int64. */
public final class Reductions {
    private Reductions() {}

    public static Tensor reduce(String fn, Tensor t, int[] axes, boolean keepDims) {
        long[] outShape = Shapes.reduce(t.shape(), axes, keepDims);
        int[] dims = normalized(t, axes);
        if (t.size() == 0) throw new ShapeError(fn + " of an empty tensor");
        INDArray x = t.array();
        if (t.dtype() == DType.BOOL) {
            if (!fn.equals("any") && !fn.equals("all")) {
                throw new ShapeError("reduce_" + fn + " of a bool tensor", "cast it first: cast(x, int32)");
            }
            INDArray ints = x.castTo(DataType.INT);
            INDArray r = fn.equals("any") ? ints.max(keepDims, dims) : ints.min(keepDims, dims);
            return new Tensor(r.castTo(DataType.BOOL).reshape(outShape));
        }
        if (t.isSmall() && (fn.equals("sum") || fn.equals("mean") || fn.equals("max") || fn.equals("min"))) {
            boolean[] reduced = new boolean[t.rank()];
            for (int d : dims) reduced[d] = true;
            return Loops.reduce(fn, t, reduced).reshaped(outShape);
        }
        INDArray r = switch (fn) {
            case "sum" -> t.dtype().isFloating() ? x.sum(keepDims, dims) : x.castTo(DataType.LONG).sum(keepDims, dims).castTo(x.dataType());
            case "mean" -> t.dtype().isFloating() ? x.mean(keepDims, dims) : integerMean(t, dims, keepDims);
            case "max" -> x.max(keepDims, dims);
            case "min" -> x.min(keepDims, dims);
            case "prod" -> x.prod(keepDims, dims);
            case "any", "all" -> throw new ShapeError("reduce_" + fn + " needs a bool tensor, got " + t.dtype());
            default -> throw new IllegalArgumentException(fn);
        };
        return new Tensor(r.reshape(outShape));
    }

    /** TF's integer mean: the sum divided by the count, truncated toward zero. */
    private static INDArray integerMean(Tensor t, int[] dims, boolean keepDims) {
        long count = 1;
        for (int d : dims) count *= t.shape()[d];
        INDArray sum = t.array().castTo(DataType.LONG).sum(keepDims, dims);
        long[] values = sum.dup('c').data().asLong();
        for (int i = 0; i < values.length; i++) values[i] = values[i] / count;
        INDArray out = org.nd4j.linalg.factory.Nd4j.createFromArray(values).castTo(t.array().dataType());
        return out.reshape(sum.shape());
    }

    public static Tensor argReduce(String fn, Tensor t, int axis) {
        int a = Shapes.axis(axis, t.rank());
        if (t.shape()[a] == 0) throw new ShapeError(fn + " over an empty axis");
        INDArray r = TensorOps.exec(fn, new int[] {a}, t.array());
        return new Tensor(r.castTo(DataType.LONG));
    }

    private static int[] normalized(Tensor t, int[] axes) {
        if (axes == null) {
            int[] all = new int[t.rank()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = Shapes.axis(axes[i], t.rank());
        return out;
    }
}
