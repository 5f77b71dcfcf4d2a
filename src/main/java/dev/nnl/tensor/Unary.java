package dev.nnl.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Elementwise functions of one tensor. Functions of real numbers (sqrt, exp, log, activations) compute integer input
 * in float64, as numpy does, so that numpy-style code on integer arrays works.
 */
public final class Unary {
    private Unary() {}

    public static Tensor apply(String fn, Tensor t) {
        if (t.isSmall() && t.dtype() != DType.BOOL) {
            boolean keeps = fn.equals("negative") || fn.equals("abs") || fn.equals("square") || fn.equals("sign");
            DType out = keeps || t.dtype().isFloating() ? t.dtype() : DType.FLOAT64;
            return Loops.map(t, out, Functions.unary(fn));
        }
        INDArray x = t.array();
        INDArray r = switch (fn) {
            case "negative" -> {
                if (t.dtype() == DType.BOOL) throw new ShapeError("cannot negate a bool tensor");
                yield x.neg();
            }
            case "abs" -> Transforms.abs(x, true);
            case "square" -> x.mul(x);
            case "sign" -> Transforms.sign(x, true);
            default -> floating(fn, t);
        };
        return new Tensor(r);
    }

    private static INDArray floating(String fn, Tensor t) {
        if (t.dtype() == DType.BOOL) {
            throw new ShapeError(fn + " needs a number tensor, got bool", "cast first: cast(x, float32)");
        }
        INDArray x = t.dtype().isFloating() ? t.array() : t.array().castTo(DType.FLOAT64.nd4j);
        return switch (fn) {
            case "sqrt" -> Transforms.sqrt(x, true);
            case "exp" -> Transforms.exp(x, true);
            case "log" -> Transforms.log(x, true);
            case "log1p" -> Transforms.log1p(x, true);
            case "floor" -> Transforms.floor(x, true);
            case "ceil" -> Transforms.ceil(x, true);
            case "round" -> TensorOps.exec("rint", x);
            case "reciprocal" -> x.rdiv(1.0);
            case "sin" -> Transforms.sin(x, true);
            case "cos" -> Transforms.cos(x, true);
            case "relu" -> Transforms.relu(x, true);
            case "sigmoid" -> Transforms.sigmoid(x, true);
            case "tanh" -> Transforms.tanh(x, true);
            case "elu" -> Transforms.elu(x, true);
            case "softplus" -> Transforms.softPlus(x, true);
            default -> throw new IllegalArgumentException(fn);
        };
    }

    public static Tensor leakyRelu(Tensor t, double alpha) {
        if (!t.dtype().isFloating()) throw new ShapeError("leaky_relu needs a float tensor, got " + t.dtype());
        if (t.isSmall()) return Loops.map(t, t.dtype(), Functions.leakyRelu(alpha));
        return new Tensor(Transforms.leakyRelu(t.array(), alpha, true));
    }

    public static Tensor clip(Tensor t, double lo, double hi) {
        if (lo > hi) throw new ShapeError("clip_by_value: the minimum " + lo + " is larger than the maximum " + hi);
        if (t.isSmall()) return Loops.map(t, t.dtype(), Functions.clip(lo, hi));
        return new Tensor(Transforms.min(Transforms.max(t.array(), lo, true), hi, false));
    }
}
