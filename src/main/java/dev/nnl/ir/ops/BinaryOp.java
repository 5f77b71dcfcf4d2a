package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import java.util.Arrays;
import java.util.List;

/** Elementwise arithmetic with broadcasting: + - * / // % ** maximum minimum. */
public final class BinaryOp implements OpDef {
    public static final BinaryOp ADD = new BinaryOp("add", "+");
    public static final BinaryOp SUBTRACT = new BinaryOp("subtract", "-");
    public static final BinaryOp MULTIPLY = new BinaryOp("multiply", "*");
    public static final BinaryOp DIVIDE = new BinaryOp("divide", "/");
    public static final BinaryOp FLOORDIV = new BinaryOp("floordiv", "//");
    public static final BinaryOp MOD = new BinaryOp("mod", "%");
    public static final BinaryOp POW = new BinaryOp("pow", "**");
    public static final BinaryOp MAXIMUM = new BinaryOp("maximum", "maximum");
    public static final BinaryOp MINIMUM = new BinaryOp("minimum", "minimum");

    private static final List<BinaryOp> ALL = List.of(ADD, SUBTRACT, MULTIPLY, DIVIDE, FLOORDIV, MOD, POW, MAXIMUM, MINIMUM);

    private final String name;
    private final String symbol;

    private BinaryOp(String name, String symbol) {
        this.name = name;
        this.symbol = symbol;
    }

    /** The op for an operator symbol (+, -, ...) or name (maximum). */
    public static BinaryOp of(String symbol) {
        return ALL.stream().filter(o -> o.symbol.equals(symbol)).findFirst().orElseThrow();
    }

    public static List<BinaryOp> all() { return ALL; }

    @Override public String name() { return name; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        String op = TypeRules.describe(symbol);
        DType dtype = TypeRules.sameDType(op, in.get(0), in.get(1));
        if (dtype == DType.BOOL && this != MAXIMUM && this != MINIMUM) {
            throw new ShapeError(op + " of bool tensors", "cast them to a number type first: cast(x, int32)");
        }
        if (this == DIVIDE && !dtype.isFloating()) dtype = DType.FLOAT64;
        return TypeRules.broadcast(op, in.get(0), in.get(1), dtype);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return TensorOps.arithmetic(symbol, in.get(0), in.get(1));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        Node x = node.input(0);
        Node y = node.input(1);
        if (!node.type().dtype().isFloating()) return null;
        Node dx = null;
        Node dyy = null;
        switch (name) {
            case "add" -> {
                dx = dy;
                dyy = dy;
            }
            case "subtract" -> {
                dx = dy;
                dyy = g.needs(y) ? g.neg(dy) : null;
            }
            case "multiply" -> {
                dx = g.needs(x) ? g.mul(dy, y) : null;
                dyy = g.needs(y) ? g.mul(dy, x) : null;
            }
            case "divide" -> {
                dx = g.needs(x) ? g.div(dy, y) : null;
                dyy = g.needs(y) ? g.neg(g.div(g.mul(dy, node), y)) : null;
            }
            case "mod" -> {
                // x mod y = x - floor(x / y) * y, and floor is constant almost everywhere
                dx = dy;
                dyy = g.needs(y) ? g.neg(g.mul(dy, g.apply(FLOORDIV, Attrs.NONE, x, y))) : null;
            }
            case "pow" -> {
                if (g.needs(x)) {
                    Node ym1 = g.sub(y, g.scalar(1, y.type().dtype()));
                    dx = g.mul(dy, g.mul(y, g.apply(POW, Attrs.NONE, x, ym1)));
                }
                if (g.needs(y)) dyy = g.mul(dy, g.mul(node, g.apply(UnaryOp.LOG, Attrs.NONE, x)));
            }
            case "maximum", "minimum" -> {
                String wins = name.equals("maximum") ? ">=" : "<=";
                String loses = name.equals("maximum") ? "<" : ">";
                dx = g.needs(x) ? g.mul(dy, g.mask(wins, x, y, dy.type().dtype())) : null;
                dyy = g.needs(y) ? g.mul(dy, g.mask(loses, x, y, dy.type().dtype())) : null;
            }
            default -> {
                return null;
            }
        }
        return Arrays.asList(dx == null ? null : g.unbroadcast(dx, x), dyy == null ? null : g.unbroadcast(dyy, y));
    }
}
