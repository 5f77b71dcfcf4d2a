package dev.nnl.lib;

import dev.nnl.interp.Callable;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Signature;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import java.util.List;
import java.util.Map;

/**
 * A weight penalty, called on a weight tensor: l1·Σ|w| + l2·Σw², where TF1's l2_regularizer halves the square term
 * (s·Σw²/2) and Keras's l2 does not.
 */
record Regularizer(String name, double l1, double l2, boolean halfSquares) implements Callable {
    private static final Signature SIGNATURE = Signature.parse("regularizer", "weights");

    @Override
    public Signature signature() { return SIGNATURE; }

    @Override
    public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
        Object w = SIGNATURE.bind(positional, named)[0];
        if (!TensorCalls.isTensorLike(w)) throw new NnlError(name + " is applied to a weight tensor, got " + dev.nnl.interp.Values.typeName(w));
        var session = interpreter.session();
        DType dtype = TensorCalls.dtypeOf(w);
        Attrs all = Attrs.of("axes", null, "keepdims", false);
        Object total = null;
        if (l1 != 0) {
            Object sumAbs = TensorCalls.apply(session, span, ReduceOp.SUM, all, TensorCalls.apply(session, span, UnaryOp.ABS, Attrs.NONE, w));
            total = TensorCalls.apply(session, span, BinaryOp.MULTIPLY, Attrs.NONE, sumAbs, scalar(l1, dtype));
        }
        if (l2 != 0) {
            Object sumSquares = TensorCalls.apply(session, span, ReduceOp.SUM, all, TensorCalls.apply(session, span, UnaryOp.SQUARE, Attrs.NONE, w));
            // TF1 computes scale · l2_loss(w) with l2_loss = Σw²/2: halve first, for the same float32 rounding
            if (halfSquares) sumSquares = TensorCalls.apply(session, span, BinaryOp.DIVIDE, Attrs.NONE, sumSquares, scalar(2, dtype));
            Object term = TensorCalls.apply(session, span, BinaryOp.MULTIPLY, Attrs.NONE, sumSquares, scalar(l2, dtype));
            total = total == null ? term : TensorCalls.apply(session, span, BinaryOp.ADD, Attrs.NONE, total, term);
        }
        return total == null ? scalar(0, dtype) : total;
    }

    private static Object scalar(double v, DType dtype) {
        return dev.nnl.tensor.Tensor.scalar(v, dtype);
    }
}
