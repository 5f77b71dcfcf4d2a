package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.Unary;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Elementwise functions of one tensor, including the activations; {@code leaky_relu} takes attribute alpha and
 * {@code clip} attributes min and max.
 */
public final class UnaryOp implements OpDef {
    private static final Map<String, UnaryOp> BY_NAME = new TreeMap<>();

    public static final UnaryOp NEGATIVE = define("negative");
    public static final UnaryOp ABS = define("abs");
    public static final UnaryOp SQUARE = define("square");
    public static final UnaryOp SIGN = define("sign");
    public static final UnaryOp SQRT = define("sqrt");
    public static final UnaryOp EXP = define("exp");
    public static final UnaryOp LOG = define("log");
    public static final UnaryOp LOG1P = define("log1p");
    public static final UnaryOp FLOOR = define("floor");
    public static final UnaryOp CEIL = define("ceil");
    public static final UnaryOp ROUND = define("round");
    public static final UnaryOp RECIPROCAL = define("reciprocal");
    public static final UnaryOp SIN = define("sin");
    public static final UnaryOp COS = define("cos");
    public static final UnaryOp RELU = define("relu");
    public static final UnaryOp SIGMOID = define("sigmoid");
    public static final UnaryOp TANH = define("tanh");
    public static final UnaryOp ELU = define("elu");
    public static final UnaryOp SOFTPLUS = define("softplus");
    public static final UnaryOp LEAKY_RELU = define("leaky_relu");
    public static final UnaryOp CLIP = define("clip_by_value");

    private final String name;

    private UnaryOp(String name) {
        this.name = name;
    }

    private static UnaryOp define(String name) {
        UnaryOp op = new UnaryOp(name);
        BY_NAME.put(name, op);
        return op;
    }

    public static UnaryOp of(String name) {
        UnaryOp op = BY_NAME.get(name);
        if (op == null) throw new IllegalArgumentException(name);
        return op;
    }

    public static Map<String, UnaryOp> all() { return Collections.unmodifiableMap(BY_NAME); }

    @Override public String name() { return name; }

    /** Functions of real numbers give float64 for integer input (numpy's rule); sign, abs, square keep the dtype. */
    private boolean keepsDType() {
        return this == NEGATIVE || this == ABS || this == SQUARE || this == SIGN;
    }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        if (x.dtype() == DType.BOOL) throw new ShapeError(name + " needs a number tensor, got bool", "cast first: cast(x, float32)");
        if (this == CLIP && attrs.getDouble("min") > attrs.getDouble("max")) {
            throw new ShapeError("clip_by_value: the minimum " + attrs.get("min") + " is larger than the maximum " + attrs.get("max"));
        }
        if (keepsDType() || x.dtype().isFloating() || this == CLIP) return x;
        return x.withDType(DType.FLOAT64);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        Tensor x = in.get(0);
        if (this == LEAKY_RELU) return Unary.leakyRelu(x, attrs.getDouble("alpha"));
        if (this == CLIP) return Unary.clip(x, attrs.getDouble("min"), attrs.getDouble("max"));
        return Unary.apply(name, x);
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        Node x = node.input(0);
        Node y = node;
        DType t = dy.type().dtype();
        if (!t.isFloating()) return null;
        Node dx = switch (name) {
            case "negative" -> g.neg(dy);
            case "abs" -> g.mul(dy, g.apply(SIGN, Attrs.NONE, x));
            case "square" -> g.mul(dy, g.mulScalar(x, 2));
            case "sqrt" -> g.div(g.mulScalar(dy, 0.5), y);
            case "exp" -> g.mul(dy, y);
            case "log" -> g.div(dy, x);
            case "log1p" -> g.div(dy, g.add(x, g.scalar(1, t)));
            case "reciprocal" -> g.neg(g.mul(dy, g.mul(y, y)));
            case "sin" -> g.mul(dy, g.apply(COS, Attrs.NONE, x));
            case "cos" -> g.neg(g.mul(dy, g.apply(SIN, Attrs.NONE, x)));
            case "relu" -> g.mul(dy, g.mask(">", x, g.scalar(0, t), t));
            case "sigmoid" -> g.mul(dy, g.mul(y, g.sub(g.scalar(1, t), y)));
            case "tanh" -> g.mul(dy, g.sub(g.scalar(1, t), g.mul(y, y)));
            case "elu" -> {
                Node positive = g.mask(">", x, g.scalar(0, t), t);
                Node slope = g.add(positive, g.mul(g.sub(g.scalar(1, t), positive), g.add(y, g.scalar(1, t))));
                yield g.mul(dy, slope);
            }
            case "softplus" -> g.mul(dy, g.apply(SIGMOID, Attrs.NONE, x));
            case "leaky_relu" -> {
                Node positive = g.mask(">", x, g.scalar(0, t), t);
                double alpha = node.attrs().getDouble("alpha");
                yield g.mul(dy, g.add(positive, g.mulScalar(g.sub(g.scalar(1, t), positive), alpha)));
            }
            case "clip_by_value" -> {
                Node inside = g.mul(g.mask(">=", x, g.scalar(node.attrs().getDouble("min"), t), t),
                        g.mask("<=", x, g.scalar(node.attrs().getDouble("max"), t), t));
                yield g.mul(dy, inside);
            }
            default -> null; // sign, floor, ceil, round: zero almost everywhere
        };
        return Collections.singletonList(dx);
    }
}
