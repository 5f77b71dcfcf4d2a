package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Reductions;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.Collections;
import java.util.List;

/** reduce_sum/mean/max/min/prod/any/all over attribute {@code axes} (null: all) with {@code keepdims}. */
public final class ReduceOp implements OpDef {
    public static final ReduceOp SUM = new ReduceOp("sum");
    public static final ReduceOp MEAN = new ReduceOp("mean");
    public static final ReduceOp MAX = new ReduceOp("max");
    public static final ReduceOp MIN = new ReduceOp("min");
    public static final ReduceOp PROD = new ReduceOp("prod");
    public static final ReduceOp ANY = new ReduceOp("any");
    public static final ReduceOp ALL = new ReduceOp("all");

    private final String kind;

    private ReduceOp(String kind) {
        this.kind = kind;
    }

    public static ReduceOp of(String kind) {
        return switch (kind) {
            case "sum" -> SUM;
            case "mean" -> MEAN;
            case "max" -> MAX;
            case "min" -> MIN;
            case "prod" -> PROD;
            case "any" -> ANY;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public String kind() { return kind; }

    @Override public String name() { return "reduce_" + kind; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        TensorType x = in.get(0);
        boolean boolKind = kind.equals("any") || kind.equals("all");
        if ((x.dtype() == DType.BOOL) != boolKind) {
            throw new ShapeError(name() + " of a " + x.dtype() + " tensor",
                    boolKind ? "reduce_" + kind + " needs a bool tensor" : "cast it first: cast(x, int32)");
        }
        int[] axes = attrs.getInts("axes");
        boolean keep = attrs.getBool("keepdims");
        long[] dims = Shapes.reduce(x.dims(), axes, keep);
        String[] names = new String[dims.length];
        boolean[] reduced = reducedAxes(x.rank(), axes);
        for (int i = 0, k = 0; i < x.rank(); i++) {
            if (!reduced[i]) names[k++] = x.names()[i];
            else if (keep) k++;
        }
        return new TensorType(x.dtype(), dims, names);
    }

    static boolean[] reducedAxes(int rank, int[] axes) {
        boolean[] out = new boolean[rank];
        if (axes == null) java.util.Arrays.fill(out, true);
        else for (int a : axes) out[Shapes.axis(a, rank)] = true;
        return out;
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        return Reductions.reduce(kind, in.get(0), attrs.getInts("axes"), attrs.getBool("keepdims"));
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        if (!dy.type().dtype().isFloating() || kind.equals("any") || kind.equals("all")) return null;
        Attrs a = Attrs.of("kind", kind, "axes", node.attrs().getInts("axes"), "keepdims", node.attrs().getBool("keepdims"));
        return Collections.singletonList(g.apply(GradientOps.REDUCE_GRAD, a, dy, node.input(0), node));
    }
}
