package dev.nnl.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise functions on one value, computed in double and rounded by the output's {@link View}: for float32
 * operands one such operation rounded to float32 is exactly float32 arithmetic.
 */
public final class Functions {
    private Functions() {}

    /** add, subtract, multiply, divide, floordiv, mod, pow, maximum, minimum. */
    public static DoubleBinaryOperator arithmetic(String name) {
        return switch (name) {
            case "add", "+" -> Double::sum;
            case "subtract", "-" -> (a, b) -> a - b;
            case "multiply", "*" -> (a, b) -> a * b;
            case "divide", "/" -> (a, b) -> a / b;
            case "floordiv", "//" -> (a, b) -> Math.floor(a / b);
            case "mod", "%" -> (a, b) -> {
                double r = a % b;
                return r != 0 && (r < 0) != (b < 0) ? r + b : r;
            };
            case "pow", "**" -> Math::pow;
            case "maximum" -> Math::max;
            case "minimum" -> Math::min;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Comparisons giving 1 or 0, by symbol. */
    public static DoubleBinaryOperator comparison(String symbol) {
        return switch (symbol) {
            case "<" -> (a, b) -> a < b ? 1 : 0;
            case "<=" -> (a, b) -> a <= b ? 1 : 0;
            case ">" -> (a, b) -> a > b ? 1 : 0;
            case ">=" -> (a, b) -> a >= b ? 1 : 0;
            case "==" -> (a, b) -> a == b ? 1 : 0;
            case "!=" -> (a, b) -> a != b ? 1 : 0;
            default -> throw new IllegalArgumentException(symbol);
        };
    }

    /** The functions of one argument; null for a name that is not one of them. */
    public static DoubleUnaryOperator unary(String name) {
        return switch (name) {
            case "negative" -> v -> -v;
            case "abs" -> Math::abs;
            case "square" -> v -> v * v;
            case "sign" -> Math::signum;
            case "sqrt" -> Math::sqrt;
            case "exp" -> Math::exp;
            case "log" -> Math::log;
            case "log1p" -> Math::log1p;
            case "floor" -> Math::floor;
            case "ceil" -> Math::ceil;
            case "round" -> Math::rint;
            case "reciprocal" -> v -> 1 / v;
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "relu" -> v -> v > 0 ? v : 0;
            case "sigmoid" -> v -> 1 / (1 + Math.exp(-v));
            case "tanh" -> Math::tanh;
            case "elu" -> v -> v > 0 ? v : Math.expm1(v);
            case "softplus" -> v -> Math.log1p(Math.exp(-Math.abs(v))) + Math.max(v, 0);
            default -> null;
        };
    }

    public static DoubleUnaryOperator leakyRelu(double alpha) {
        return v -> v > 0 ? v : v * alpha;
    }

    public static DoubleUnaryOperator clip(double lo, double hi) {
        return v -> Math.min(Math.max(v, lo), hi);
    }
}
