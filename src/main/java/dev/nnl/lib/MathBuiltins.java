package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Operators;
import dev.nnl.interp.Values;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Reductions;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import dev.nnl.tensor.Unary;
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
        t.define("maximum", "x, y", a -> elementwise(a, "maximum"));
        t.define("minimum", "x, y", a -> elementwise(a, "minimum"));
        t.define("logical_and", "x, y", a -> TensorOps.logical("and", a.tensor(0), a.tensor(1)));
        t.define("logical_or", "x, y", a -> TensorOps.logical("or", a.tensor(0), a.tensor(1)));
        t.define("logical_not", "x", a -> {
            Tensor x = a.tensor(0);
            if (x.dtype() != DType.BOOL) throw a.wrong(0, "a bool tensor");
            return TensorOps.compare("==", x, Values.toTensor(false, DType.BOOL));
        });
        for (String fn : List.of("square", "sqrt", "exp", "log", "log1p", "negative", "sign", "floor", "ceil",
                "reciprocal", "sin", "cos", "relu", "sigmoid", "tanh", "elu", "softplus")) {
            t.define(fn, "x, name=none", a -> Unary.apply(fn, a.tensor(0)));
        }
        t.define("leaky_relu", "features, alpha=0.2", a -> Unary.leakyRelu(a.tensor(0), a.number(1)));
        t.define("clip_by_value", "t, clip_value_min, clip_value_max", a -> Unary.clip(a.tensor(0), a.number(1), a.number(2)));
        t.define("where | select", "condition, x=none, y=none", a -> {
            if (a.isNone(1) || a.isNone(2)) throw new NnlError("where() needs condition, x and y",
                    "where(cond, a, b) picks a where cond is true, else b");
            Object x = a.get(1);
            Object y = a.get(2);
            DType like = x instanceof Tensor xt ? xt.dtype() : y instanceof Tensor yt ? yt.dtype() : null;
            return TensorOps.where(a.tensor(0), a.tensor(1, like), a.tensor(2, like));
        });
        t.define("softmax", "logits, axis=-1", a -> softmax(a.tensor(0), (int) a.integer(1)));
        t.define("add_n", "inputs", a -> {
            List<Object> items = HostBuiltins.elements(a.get(0));
            if (items.isEmpty()) throw a.wrong(0, "a non-empty list of tensors");
            Object sum = items.get(0);
            for (int i = 1; i < items.size(); i++) sum = Operators.binary("+", sum, items.get(i));
            return sum instanceof Tensor ? sum : Values.toTensor(sum, null);
        });
        t.define("bias_add", "value, bias", a -> {
            Tensor v = a.tensor(0);
            Tensor b = a.tensor(1, v.dtype());
            if (b.rank() != 1 || b.shape()[0] != v.shape()[v.rank() - 1]) {
                throw new NnlError("bias_add: bias of shape " + dev.nnl.tensor.Shapes.show(b.shape())
                        + " does not match the last dimension of " + dev.nnl.tensor.Shapes.show(v.shape()));
            }
            return TensorOps.arithmetic("+", v, b);
        });
    }

    private static void binary(BuiltinTable t, String names, String op) {
        // name= is accepted for ports of TF code; eager values have no graph name to set
        t.define(names, "x, y, name=none", a -> {
            Object x = a.get(0);
            Object y = a.get(1);
            if (!(x instanceof Tensor) && !(y instanceof Tensor)) x = a.tensor(0);
            return Operators.binary(op, x, y);
        });
    }

    private static Tensor elementwise(Args a, String op) {
        Object x = a.get(0);
        Object y = a.get(1);
        DType like = x instanceof Tensor xt ? xt.dtype() : y instanceof Tensor yt ? yt.dtype() : null;
        return TensorOps.arithmetic(op, a.tensor(0, like), a.tensor(1, like));
    }

    /** exp(x - max) / sum(exp(x - max)) along one axis, stable for large logits. */
    static Tensor softmax(Tensor x, int axis) {
        if (!x.dtype().isFloating()) throw new NnlError("softmax needs float logits, got " + x.dtype(), "cast(x, float32)");
        Tensor shifted = TensorOps.arithmetic("-", x, Reductions.reduce("max", x, new int[] {axis}, true));
        Tensor e = Unary.apply("exp", shifted);
        return TensorOps.arithmetic("/", e, Reductions.reduce("sum", e, new int[] {axis}, true));
    }
}
