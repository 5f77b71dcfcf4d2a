package dev.nnl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Eager tensor kernels on ND4J with TensorFlow's dtype rules: both operands of a binary op must have the same dtype,
 * shapes broadcast like numpy, comparisons give bool, integer true division gives float64.
 */
public final class TensorOps {
    private TensorOps() {}

    static INDArray exec(String op, INDArray... inputs) {
        return Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).build())[0];
    }

    static INDArray exec(String op, int[] intArgs, INDArray... inputs) {
        return Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addIntegerArguments(intArgs).build())[0];
    }

    public static void requireSameDType(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new ShapeError(op + " of " + a.dtype() + " and " + b.dtype() + " tensors: dtypes differ",
                    "convert one side with cast(x, " + (a.dtype().isFloating() ? a.dtype() : b.dtype()) + ")");
        }
    }

    /** {@code x / d} computed into x's own native memory, for a copy made only to be divided. */
    public static Tensor divideInPlace(Tensor x, double d) {
        x.array().divi(d);
        return x;
    }

    /** Arithmetic: + - * / // % ** and maximum/minimum. */
    public static Tensor arithmetic(String op, Tensor a, Tensor b) {
        String name = describe(op);
        requireSameDType(name, a, b);
        long[] shape = Shapes.broadcast(name, a.shape(), b.shape());
        if (a.dtype() == DType.BOOL && !op.equals("maximum") && !op.equals("minimum")) {
            throw new ShapeError(name + " of bool tensors", "cast them to a number type first: cast(x, int32)");
        }
        if (op.equals("**") && !a.dtype().isFloating()) {
            for (long e : b.longs()) {
                if (e < 0) throw new ShapeError("integers to negative integer powers are not allowed", "use floats: 2.0 ** -1");
            }
        }
        DType outType = op.equals("/") && !a.dtype().isFloating() ? DType.FLOAT64 : a.dtype();
        if (a.isSmall() && b.isSmall() && Shapes.size(shape) <= Tensor.HEAP_LIMIT) {
            return Loops.zip(a, b, shape, outType, Functions.arithmetic(op));
        }
        INDArray x = a.array();
        INDArray y = b.array();
        if (op.equals("/") && !a.dtype().isFloating()) {
            x = x.castTo(DataType.DOUBLE);
            y = y.castTo(DataType.DOUBLE);
        }
        INDArray out = switch (op) {
            case "+" -> exec("add", x, y);
            case "-" -> exec("subtract", x, y);
            case "*" -> exec("multiply", x, y);
            case "/" -> exec("divide", x, y);
            case "//" -> a.dtype().isFloating() ? Transforms.floor(exec("divide", x, y), false) : exec("floordiv", x, y);
            case "%" -> exec("floormod", x, y);
            case "**" -> power(x, y, shape);
            case "maximum" -> exec("maximum", x, y);
            case "minimum" -> exec("minimum", x, y);
            default -> throw new IllegalArgumentException(op);
        };
        return new Tensor(out);
    }

    private static INDArray power(INDArray x, INDArray y, long[] shape) {
        INDArray bx = broadcastTo(x, shape);
        INDArray by = broadcastTo(y, shape);
        if (x.dataType().isFPType()) return Transforms.pow(bx, by, true);
        // integer powers stay exact
        long[] base = bx.dup('c').data().asLong();
        long[] exp = by.dup('c').data().asLong();
        long[] out = new long[base.length];
        for (int i = 0; i < out.length; i++) {
            if (exp[i] < 0) throw new ShapeError("integers to negative integer powers are not allowed", "use floats: 2.0 ** -1");
            long r = 1;
            for (long k = 0; k < exp[i]; k++) r *= base[i];
            out[i] = r;
        }
        INDArray result = Nd4j.createFromArray(out).castTo(x.dataType());
        return shape.length == 0 ? result.reshape(new long[0]) : result.reshape('c', shape);
    }

    public static INDArray broadcastTo(INDArray a, long[] shape) {
        if (Arrays.equals(a.shape(), shape)) return a;
        long[] padded = new long[shape.length];
        Arrays.fill(padded, 1);
        long[] s = a.shape();
        System.arraycopy(s, 0, padded, shape.length - s.length, s.length);
        INDArray r = a.reshape(padded);
        return r.broadcast(shape);
    }

    /** Comparisons: < <= > >= == != giving bool tensors. */
    public static Tensor compare(String op, Tensor a, Tensor b) {
        requireSameDType(describe(op), a, b);
        long[] shape = Shapes.broadcast(describe(op), a.shape(), b.shape());
        if (a.isSmall() && b.isSmall() && Shapes.size(shape) <= Tensor.HEAP_LIMIT) {
            return Loops.zip(a, b, shape, DType.BOOL, Functions.comparison(op));
        }
        String name = switch (op) {
            case "<" -> "less";
            case "<=" -> "less_equal";
            case ">" -> "greater";
            case ">=" -> "greater_equal";
            case "==" -> "equals";
            case "!=" -> "not_equals";
            default -> throw new IllegalArgumentException(op);
        };
        return new Tensor(exec(name, a.array(), b.array()));
    }

    public static Tensor logical(String op, Tensor a, Tensor b) {
        if (a.dtype() != DType.BOOL || b.dtype() != DType.BOOL) {
            throw new ShapeError("logical_" + op + " needs bool tensors, got " + a.dtype() + " and " + b.dtype());
        }
        long[] shape = Shapes.broadcast("logical_" + op, a.shape(), b.shape());
        INDArray x = broadcastTo(a.array(), shape).castTo(DataType.INT);
        INDArray y = broadcastTo(b.array(), shape).castTo(DataType.INT);
        INDArray r = op.equals("and") ? x.mul(y) : x.add(y);
        return new Tensor(r.castTo(DataType.BOOL));
    }

    public static Tensor matmul(Tensor a, Tensor b) {
        requireSameDType("matmul", a, b);
        long[] product = Shapes.matmul(a.shape(), b.shape());
        if (a.rank() == 2 && b.rank() == 2 && a.isSmall() && b.isSmall()
                && a.shape()[0] * a.shape()[1] * b.shape()[1] <= Tensor.HEAP_LIMIT) {
            return Loops.matmul(a, b);
        }
        INDArray x = withBatch(a.array(), product);
        INDArray y = withBatch(b.array(), product);
        if (a.dtype().isFloating()) return new Tensor(Nd4jCall.MATMUL.compute(product, x, y));
        INDArray r = Nd4jCall.MATMUL.compute(product, x.castTo(DataType.DOUBLE), y.castTo(DataType.DOUBLE));
        return new Tensor(r.castTo(a.dtype().nd4j));
    }

    /** A matmul operand with its batch axes broadcast to the product's: ND4J's matmul needs them equal, numpy does not. */
    private static INDArray withBatch(INDArray m, long[] product) {
        long[] shape = product.clone();
        shape[shape.length - 2] = m.size(-2);
        shape[shape.length - 1] = m.size(-1);
        return Arrays.equals(m.shape(), shape) ? m : broadcastTo(m, shape).dup('c');
    }

    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) throw new ShapeError("where needs a bool condition, got " + cond.dtype(),
                "compare first, e.g. where(greater(a, b), a, b)");
        requireSameDType("where", a, b);
        long[] shape = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape(), a.shape()), b.shape());
        if (Shapes.size(shape) <= Tensor.HEAP_LIMIT) return Loops.select(cond, a, b, shape);
        INDArray c = broadcastTo(cond.array(), shape).dup('c');
        INDArray x = broadcastTo(a.array(), shape).dup('c');
        INDArray y = broadcastTo(b.array(), shape).dup('c');
        return new Tensor(exec("select", c, x, y));
    }

    /** The name an operator has in messages ("add of [2, 3] and [4, 3]: ..."). */
    public static String describe(String op) {
        return switch (op) {
            case "@" -> "matmul";
            case "+" -> "add";
            case "-" -> "subtract";
            case "*" -> "multiply";
            case "/" -> "divide";
            case "//" -> "floor division";
            case "%" -> "mod";
            case "**" -> "pow";
            case "<", "<=", ">", ">=", "==", "!=" -> "comparison " + op;
            default -> op;
        };
    }
}
