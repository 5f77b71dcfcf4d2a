package dev.nnl.check;

import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.Expr;
import dev.nnl.syntax.Pattern;
import dev.nnl.syntax.Stmt;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.TensorOps;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers shapes and dtypes of top-level tensor code that does not depend on data, with the same rules the kernels
 * use ({@link Shapes}), and reports mismatches before anything runs. Anything it cannot know (loops, functions,
 * data from files, names bound twice) is simply left unknown.
 */
final class ShapeInference {
    /** A statically known tensor, or a host number ({@code shape == null}) that adopts the other operand's dtype. */
    private record Known(DType dtype, long[] shape) {
        boolean isHostNumber() { return shape == null; }
    }

    private final List<Diagnostic> problems;
    private final Map<String, Known> names = new HashMap<>();
    private final Set<String> shadowedBuiltins = new HashSet<>();

    ShapeInference(List<Diagnostic> problems) {
        this.problems = problems;
    }

    void statement(Stmt s) {
        if (s instanceof Stmt.Assign a && a.target() instanceof Pattern.NameTarget n) {
            Known k = infer(a.value());
            if (k == null) names.remove(n.name());
            else names.put(n.name(), k);
            shadowedBuiltins.add(n.name());
        } else if (s instanceof Stmt.ExprStmt e) {
            infer(e.expr());
        } else {
            // control flow and definitions make later values depend on what ran: forget what was known
            forgetBoundIn(s);
        }
    }

    private void forgetBoundIn(Stmt s) {
        if (s instanceof Stmt.Assign a) forget(a.target());
        else if (s instanceof Stmt.AugAssign a) forget(a.target());
        else if (s instanceof Stmt.For f) {
            forget(f.target());
            f.body().statements().forEach(this::forgetBoundIn);
        } else if (s instanceof Stmt.While w) w.body().statements().forEach(this::forgetBoundIn);
        else if (s instanceof Stmt.If i) {
            i.then().statements().forEach(this::forgetBoundIn);
            if (i.otherwise() != null) forgetBoundIn(i.otherwise());
        } else if (s instanceof Stmt.Block b) b.statements().forEach(this::forgetBoundIn);
        else if (s instanceof Stmt.Def d) {
            names.remove(d.name());
            shadowedBuiltins.add(d.name());
        } else if (s instanceof Stmt.ModelDecl m) shadowedBuiltins.add(m.name());
        else if (s instanceof Stmt.Import i) shadowedBuiltins.add(i.alias());
    }

    private void forget(Pattern p) {
        if (p instanceof Pattern.NameTarget n) {
            names.remove(n.name());
            shadowedBuiltins.add(n.name());
        } else if (p instanceof Pattern.Destructure d) {
            d.parts().forEach(this::forget);
        }
    }

    private Known infer(Expr e) {
        try {
            return inferOrThrow(e);
        } catch (ShapeError err) {
            return null;
        }
    }

    private Known inferOrThrow(Expr e) {
        if (e instanceof Expr.Literal l) {
            if (l.value() instanceof Long) return new Known(DType.INT32, null);
            if (l.value() instanceof Double) return new Known(DType.FLOAT32, null);
            return null;
        }
        if (e instanceof Expr.Name n) return names.get(n.name());
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Unary u && u.op().equals("-")) return infer(u.operand());
        if (e instanceof Expr.Call c && c.callee() instanceof Expr.Name n && !shadowedBuiltins.contains(n.name())) {
            return call(n.name(), c);
        }
        return null;
    }

    private Known binary(Expr.Binary b) {
        Known x = infer(b.left());
        Known y = infer(b.right());
        if (x == null || y == null) return null;
        String op = b.op();
        boolean comparison = List.of("<", "<=", ">", ">=", "==", "!=").contains(op);
        boolean arithmetic = List.of("+", "-", "*", "/", "//", "%", "**").contains(op);
        if (!comparison && !arithmetic && !op.equals("@")) return null;
        if (x.isHostNumber() && y.isHostNumber()) return null;
        DType dtype = x.isHostNumber() ? y.dtype() : x.dtype();
        if (!x.isHostNumber() && !y.isHostNumber() && x.dtype() != y.dtype()) {
            report(b, TensorOps.describe(op) + " of " + x.dtype() + " and " + y.dtype() + " tensors: dtypes differ",
                    "convert one side with cast(x, " + (x.dtype().isFloating() ? x.dtype() : y.dtype()) + ")");
            return null;
        }
        long[] xs = x.isHostNumber() ? new long[0] : x.shape();
        long[] ys = y.isHostNumber() ? new long[0] : y.shape();
        try {
            if (op.equals("@")) return new Known(dtype, Shapes.matmul(xs, ys));
            long[] shape = Shapes.broadcast(TensorOps.describe(op), xs, ys);
            if (comparison) return new Known(DType.BOOL, shape);
            if (op.equals("/") && dtype.isInteger()) return new Known(DType.FLOAT64, shape);
            return new Known(dtype, shape);
        } catch (ShapeError err) {
            report(b, err.getMessage(), err.hint());
            return null;
        }
    }

    private Known call(String fn, Expr.Call c) {
        List<Expr.Call.Arg> args = c.args();
        Known first = args.isEmpty() || args.get(0).name() != null ? null : infer(args.get(0).value());
        try {
            switch (fn) {
                case "tensor", "constant", "convert_to_tensor" -> {
                    if (args.isEmpty() || named(c, "shape") != null) return null;
                    Known literal = literal(args.get(0).value());
                    Expr dtype = named(c, "dtype");
                    if (literal == null) return null;
                    if (dtype == null) return literal;
                    DType d = dtypeOf(dtype);
                    return d == null ? null : new Known(d, literal.shape());
                }
                case "zeros", "ones" -> {
                    long[] shape = args.isEmpty() ? null : literalShape(args.get(0).value());
                    Expr dtype = named(c, "dtype");
                    DType d = dtype == null ? DType.FLOAT32 : dtypeOf(dtype);
                    return shape == null || d == null ? null : new Known(d, shape);
                }
                case "matmul" -> {
                    Known second = args.size() < 2 ? null : infer(args.get(1).value());
                    if (first == null || second == null || first.isHostNumber() || second.isHostNumber()) return null;
                    if (first.dtype() != second.dtype()) {
                        report(c, "matmul of " + first.dtype() + " and " + second.dtype() + " tensors: dtypes differ", null);
                        return null;
                    }
                    return new Known(first.dtype(), Shapes.matmul(first.shape(), second.shape()));
                }
                case "relu", "sigmoid", "tanh", "elu", "softplus", "softmax", "square", "sqrt", "exp", "log", "abs", "negative" -> {
                    return first == null || first.isHostNumber() ? null : first;
                }
                case "reshape" -> {
                    long[] shape = args.size() < 2 ? null : literalShape(args.get(1).value());
                    if (first == null || first.isHostNumber() || shape == null) return null;
                    return new Known(first.dtype(), Shapes.reshape(first.shape(), shape));
                }
                case "transpose" -> {
                    if (first == null || first.isHostNumber() || args.size() > 1) return null;
                    long[] s = first.shape();
                    long[] out = new long[s.length];
                    for (int i = 0; i < s.length; i++) out[i] = s[s.length - 1 - i];
                    return new Known(first.dtype(), out);
                }
                case "cast" -> {
                    DType d = args.size() < 2 ? null : dtypeOf(args.get(1).value());
                    return first == null || first.isHostNumber() || d == null ? null : new Known(d, first.shape());
                }
                default -> {
                    return null;
                }
            }
        } catch (ShapeError err) {
            report(c, err.getMessage(), err.hint());
            return null;
        }
    }

    private static Expr named(Expr.Call c, String name) {
        for (Expr.Call.Arg a : c.args()) if (name.equals(a.name())) return a.value();
        return null;
    }

    private DType dtypeOf(Expr e) {
        if (e instanceof Expr.Name n && !shadowedBuiltins.contains(n.name())) return DType.parse(n.name());
        if (e instanceof Expr.Literal l && l.value() instanceof String s) return DType.parse(s);
        return null;
    }

    /** The shape and natural dtype of a nested list literal of numbers. */
    private static Known literal(Expr e) {
        if (e instanceof Expr.Literal l) {
            if (l.value() instanceof Long) return new Known(DType.INT32, new long[0]);
            if (l.value() instanceof Double) return new Known(DType.FLOAT32, new long[0]);
            if (l.value() instanceof Boolean) return new Known(DType.BOOL, new long[0]);
            return null;
        }
        if (!(e instanceof Expr.ListLit list) || list.items().isEmpty()) return null;
        Known row = null;
        boolean anyFloat = false;
        for (Expr item : list.items()) {
            Known k = literal(item);
            if (k == null) return null;
            if (row != null && !java.util.Arrays.equals(row.shape(), k.shape())) return null;
            anyFloat |= k.dtype() == DType.FLOAT32;
            row = k;
        }
        long[] shape = new long[row.shape().length + 1];
        shape[0] = list.items().size();
        System.arraycopy(row.shape(), 0, shape, 1, row.shape().length);
        return new Known(anyFloat ? DType.FLOAT32 : row.dtype(), shape);
    }

    private static long[] literalShape(Expr e) {
        if (e instanceof Expr.Literal l && l.value() instanceof Long n) return new long[] {n};
        if (!(e instanceof Expr.ListLit || e instanceof Expr.TupleLit)) return null;
        List<Expr> items = e instanceof Expr.ListLit l ? l.items() : ((Expr.TupleLit) e).items();
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Expr.Literal l && l.value() instanceof Long n)) return null;
            out[i] = n;
        }
        return out;
    }

    private void report(Expr at, String message, String hint) {
        problems.add(new Diagnostic(Diagnostic.Kind.TYPE, at.span(), message, hint));
    }
}
