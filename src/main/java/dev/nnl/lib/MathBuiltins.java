package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Operators;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.LogicalOp;
import dev.nnl.ir.ops.SoftmaxOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.ir.ops.WhereOp;
import dev.nnl.tensor.Shapes;
import java.util.List;

/** Elementwise math, activations, comparisons, selection, matmul and softmax, under their TF names. */
final class MathBuiltins {
    private MathBuiltins() {}

    static void register(BuiltinTable t) {
        binary(t, "add", "+");
        binary(t, "subtract | sub", "-");
        binary(t, "multiply | mul", "*");
        binary(t, "divide | truediv | div", "/");
        binary(t, "floordiv | floor_div", "//");
        binary(t, "mod | floormod", "%");
        binary(t, "pow", "**");
        binary(t, "greater", ">");
        binary(t, "greater_equal", ">=");
        binary(t, "less", "<");
        binary(t, "less_equal", "<=");
        binary(t, "equal", "==");
        binary(t, "not_equal", "!=");
        binary(t, "matmul", "@");
        t.define("maximum", "x, y, name=none", a -> a.apply(BinaryOp.MAXIMUM, Attrs.NONE, a.get(0), a.get(1)));
        t.define("minimum", "x, y, name=none", a -> a.apply(BinaryOp.MINIMUM, Attrs.NONE, a.get(0), a.get(1)));
        t.define("logical_and", "x, y", a -> a.apply(LogicalOp.AND, Attrs.NONE, a.get(0), a.get(1)));
        t.define("logical_or", "x, y", a -> a.apply(LogicalOp.OR, Attrs.NONE, a.get(0), a.get(1)));
        t.define("logical_not", "x", a -> {
            if (TensorCalls.dtypeOf(a.get(0)) != dev.nnl.tensor.DType.BOOL) throw a.wrong(0, "a bool tensor");
            return a.apply(CompareOp.of("=="), Attrs.NONE, a.get(0), false);
        });
        for (String fn : List.of("square", "sqrt", "exp", "log", "log1p", "negative", "sign", "floor", "ceil",
                "reciprocal", "sin", "cos", "relu", "sigmoid", "tanh", "elu", "softplus")) {
            t.define(fn, "x, name=none", a -> a.apply(UnaryOp.of(fn), Attrs.NONE, a.get(0)));
        }
        t.define("leaky_relu", "features, alpha=0.2, name=none",
                a -> a.apply(UnaryOp.LEAKY_RELU, Attrs.of("alpha", a.number(1)), a.get(0)));
        t.define("clip_by_value", "t, clip_value_min, clip_value_max, name=none",
                a -> a.apply(UnaryOp.CLIP, Attrs.of("min", a.number(1), "max", a.number(2)), a.get(0)));
        t.define("where | select", "condition, x=none, y=none, name=none", a -> {
            if (a.isNone(1) || a.isNone(2)) throw new NnlError("where() needs condition, x and y",
                    "where(cond, a, b) picks a where cond is true, else b");
            // x and y adopt each other's dtype when one is a host number; the condition is converted on its own
            Object cond = TensorCalls.operand(a.get(0), null, a.span());
            Object x = a.get(1);
            Object y = a.get(2);
            dev.nnl.tensor.DType like = TensorCalls.dtypeOf(x) != null ? TensorCalls.dtypeOf(x) : TensorCalls.dtypeOf(y);
            return a.apply(WhereOp.INSTANCE, Attrs.NONE, cond, TensorCalls.operand(x, like, a.span()),
                    TensorCalls.operand(y, like, a.span()));
        });
        t.define("softmax", "logits, axis=-1, name=none", a -> a.apply(SoftmaxOp.INSTANCE, Attrs.of("axis", (int) a.integer(1)), a.get(0)));
        t.define("add_n", "inputs, name=none", a -> {
            List<Object> items = HostBuiltins.operands(a.get(0));
            if (items.isEmpty()) throw a.wrong(0, "a non-empty list of tensors");
            Object sum = TensorCalls.operand(items.get(0), null, a.span());
            for (int i = 1; i < items.size(); i++) sum = Operators.binary("+", sum, items.get(i), a.session(), a.span());
            return sum;
        });
        t.define("bias_add", "value, bias, name=none", a -> {
            long[] v = TensorCalls.shapeOf(a.get(0));
            long[] b = TensorCalls.shapeOf(a.get(1));
            if (v != null && b != null && (b.length != 1 || (v.length > 0 && b[0] != v[v.length - 1] && v[v.length - 1] != Shapes.UNKNOWN))) {
                throw new NnlError("bias_add: bias of shape " + Shapes.show(b) + " does not match the last dimension of " + Shapes.show(v));
            }
            return a.apply(BinaryOp.ADD, Attrs.NONE, a.get(0), a.get(1));
        });
    }

    private static void binary(BuiltinTable t, String names, String op) {
        // name= is accepted for ports of TF code; NNL names recipes by op
        t.define(names, "x, y, name=none", a -> {
            Object x = a.get(0);
            if (!TensorCalls.isTensorLike(x) && !TensorCalls.isTensorLike(a.get(1))) x = a.tensor(0);
            return Operators.binary(op, x, a.get(1), a.session(), a.span());
        });
    }

}
