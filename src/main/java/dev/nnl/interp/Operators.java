package dev.nnl.interp;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.MatMulOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import dev.nnl.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The meaning of operators: Python's on host values, TensorFlow's (elementwise, broadcasting) on tensors. */
public final class Operators {
    private Operators() {}

    public static Object binary(String op, Object a, Object b, Session session, Span span) {
        if (op.equals("in") || op.equals("not in")) {
            boolean found = contains(b, a);
            return op.equals("in") == found;
        }
        if (TensorCalls.isTensorLike(a) || TensorCalls.isTensorLike(b)) return tensorBinary(op, a, b, session, span);
        if (op.equals("==")) return equal(a, b);
        if (op.equals("!=")) return !equal(a, b);
        if (Values.isNumber(a) && Values.isNumber(b)) return numeric(op, a, b);
        if (a instanceof String x && b instanceof String y) {
            if (op.equals("+")) return x + y;
            if (isComparison(op)) return compareResult(op, x.compareTo(y));
        }
        if (op.equals("*") && (a instanceof Long || b instanceof Long)) {
            Object seq = a instanceof Long ? b : a;
            long n = a instanceof Long ? (Long) a : (Long) b;
            if (seq instanceof String s) return s.repeat((int) Math.max(0, n));
            List<Object> items = Values.sequence(seq);
            if (items != null && !(seq instanceof Range)) {
                List<Object> out = new ArrayList<>();
                for (long i = 0; i < n; i++) out.addAll(items);
                return seq instanceof NnlTuple ? new NnlTuple(out) : new NnlList(out);
            }
        }
        if (op.equals("+") && a instanceof NnlList x && b instanceof NnlList y) {
            List<Object> out = new ArrayList<>(x.items());
            out.addAll(y.items());
            return new NnlList(out);
        }
        if (op.equals("+") && a instanceof NnlTuple x && b instanceof NnlTuple y) {
            List<Object> out = new ArrayList<>(x.items());
            out.addAll(y.items());
            return new NnlTuple(out);
        }
        if ((a instanceof NnlList || a instanceof NnlTuple) && (b instanceof NnlList || b instanceof NnlTuple)) {
            // lists of numbers combine elementwise as tensors only when written as tensors
            throw new NnlError("operator " + op + " is not defined for " + Values.typeName(a) + " and "
                    + Values.typeName(b), "make tensors first: tensor(a) " + op + " tensor(b)");
        }
        throw new NnlError("operator " + op + " is not defined for " + Values.typeName(a) + " and " + Values.typeName(b));
    }

    private static Object tensorBinary(String op, Object a, Object b, Session session, Span span) {
        OpDef def;
        if (op.equals("@")) def = MatMulOp.INSTANCE;
        else if (isComparison(op)) def = CompareOp.of(op);
        else def = BinaryOp.of(op);
        if (op.equals("/")) {
            // pixels / 255.0: integer tensors divided by a float give float64, as integer true division does
            Object x = trueDivisionOperand(a, b, session, span);
            Object y = trueDivisionOperand(b, a, session, span);
            // the float64 copy of an eager integer tensor takes the quotient itself: no second data-set-sized array
            if (x != a && x instanceof Tensor copy && copy.heap() == null && y instanceof Double d) {
                return TensorOps.divideInPlace(copy, d);
            }
            Object quotient = TensorCalls.apply(session, span, def, Attrs.NONE, x, y);
            freeConversion(x, a);
            freeConversion(y, b);
            return quotient;
        }
        return TensorCalls.apply(session, span, def, Attrs.NONE, a, b);
    }

    /** A float64 copy made eagerly for one division is freed at once rather than whenever the collector runs. */
    private static void freeConversion(Object converted, Object original) {
        if (converted != original && converted instanceof Tensor t && t.heap() == null) t.array().close();
    }

    private static Object trueDivisionOperand(Object x, Object other, Session session, Span span) {
        DType dtype = TensorCalls.dtypeOf(x);
        if (dtype == null || dtype.isFloating() || !(other instanceof Double)) return x;
        return TensorCalls.apply(session, span, CastOp.INSTANCE, Attrs.of("dtype", DType.FLOAT64), x);
    }

    public static Object unary(String op, Object v, Session session, Span span) {
        if (op.equals("+")) {
            if (Values.isNumber(v) || TensorCalls.isTensorLike(v)) return v;
        } else if (TensorCalls.isTensorLike(v)) {
            return TensorCalls.apply(session, span, UnaryOp.NEGATIVE, Attrs.NONE, v);
        } else if (v instanceof Long l) {
            return -l;
        } else if (v instanceof Double d) {
            return -d;
        } else if (v instanceof Boolean b) {
            return b ? -1L : 0L;
        }
        throw new NnlError("unary " + op + " is not defined for " + Values.typeName(v));
    }

    private static Object numeric(String op, Object a, Object b) {
        boolean floats = a instanceof Double || b instanceof Double;
        if (isComparison(op)) {
            int c = floats ? Double.compare(Values.toDouble(a), Values.toDouble(b))
                    : Long.compare(Values.toLong(a), Values.toLong(b));
            return compareResult(op, c);
        }
        if (op.equals("/")) {
            double d = Values.toDouble(b);
            if (d == 0) throw new NnlError("division by zero");
            return Values.toDouble(a) / d;
        }
        if (op.equals("**")) {
            if (!floats && Values.toLong(b) >= 0) return longPow(Values.toLong(a), Values.toLong(b));
            return Math.pow(Values.toDouble(a), Values.toDouble(b));
        }
        if (op.equals("@")) throw new NnlError("@ multiplies matrices; these are plain numbers", "use * for numbers");
        if (floats) {
            double x = Values.toDouble(a);
            double y = Values.toDouble(b);
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "//" -> {
                    if (y == 0) throw new NnlError("division by zero");
                    yield Math.floor(x / y);
                }
                case "%" -> {
                    if (y == 0) throw new NnlError("modulo by zero");
                    double r = x % y;
                    yield r != 0 && (r < 0) != (y < 0) ? r + y : r;
                }
                default -> throw new NnlError("operator " + op + " is not defined for numbers");
            };
        }
        long x = Values.toLong(a);
        long y = Values.toLong(b);
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "//" -> {
                if (y == 0) throw new NnlError("division by zero");
                yield Math.floorDiv(x, y);
            }
            case "%" -> {
                if (y == 0) throw new NnlError("modulo by zero");
                yield Math.floorMod(x, y);
            }
            default -> throw new NnlError("operator " + op + " is not defined for numbers");
        };
    }

    private static long longPow(long base, long exp) {
        long r = 1;
        for (long i = 0; i < exp; i++) r *= base;
        return r;
    }

    private static boolean isComparison(String op) {
        return op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">=") || op.equals("==") || op.equals("!=");
    }

    private static boolean compareResult(String op, int c) {
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }

    /** Python equality: numbers compare by value across int/float/bool, sequences element by element. */
    public static boolean equal(Object a, Object b) {
        if (Values.isNumber(a) && Values.isNumber(b)) return Values.toDouble(a) == Values.toDouble(b);
        List<Object> x = a instanceof Range ? null : Values.sequence(a);
        List<Object> y = b instanceof Range ? null : Values.sequence(b);
        if (x != null && y != null && (a instanceof NnlTuple) == (b instanceof NnlTuple)) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean contains(Object container, Object item) {
        if (container instanceof String s && item instanceof String t) return s.contains(t);
        if (container instanceof NnlDict d) return d.containsKey(item);
        if (container instanceof Range r && item instanceof Long v) {
            long i = r.step() > 0 ? v - r.start() : r.start() - v;
            return i >= 0 && i % Math.abs(r.step()) == 0 && (i / Math.abs(r.step())) < r.length();
        }
        List<Object> items = Values.sequence(container);
        if (items == null) throw new NnlError("'in' needs a list, tuple, dict, range or string, got " + Values.typeName(container));
        for (Object o : items) if (equal(o, item)) return true;
        return false;
    }
}
