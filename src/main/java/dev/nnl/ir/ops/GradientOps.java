package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.TensorOps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ops that only gradients use. Their output takes the shape of a forward tensor at run time, so gradients work
 * for inputs whose batch size is only known when fed.
 */
public final class GradientOps implements OpDef {
    /** unbroadcast(grad, like): sums a broadcast gradient back to like's shape. */
    public static final GradientOps UNBROADCAST = new GradientOps("unbroadcast", GradientOps::unbroadcast);
    /** reduce_grad(dy, x, y): spreads the gradient of a reduction y = reduce(x) back over x. */
    public static final GradientOps REDUCE_GRAD = new GradientOps("reduce_grad", null);
    /** reshape_like(dy, x). */
    public static final GradientOps RESHAPE_LIKE = new GradientOps("reshape_like",
            (in, a) -> new Tensor(in.get(0).array().dup('c').reshape('c', in.get(1).shape())));
    /** concat_grad(dy, inputs...): the part of dy that belongs to input {@code index}. */
    public static final GradientOps CONCAT_GRAD = new GradientOps("concat_grad", GradientOps::concatGrad);
    /** tile_grad(dy, x): sums the copies that tile (attribute {@code multiples}) made of x. */
    public static final GradientOps TILE_GRAD = new GradientOps("tile_grad", GradientOps::tileGrad);
    /** ones_like(x): the seed of reverse mode. */
    public static final GradientOps ONES_LIKE = new GradientOps("ones_like",
            (in, a) -> new Tensor(Nd4j.ones(in.get(0).dtype().nd4j, in.get(0).shape())));

    private final String name;
    private final BiFunction<List<Tensor>, Attrs, Tensor> kernel;

    private GradientOps(String name, BiFunction<List<Tensor>, Attrs, Tensor> kernel) {
        this.name = name;
        this.kernel = kernel;
    }

    @Override public String name() { return name; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        if (this == ONES_LIKE) return in.get(0);
        // the output has the forward tensor's shape and the gradient's dtype
        int shapeSource = this == CONCAT_GRAD ? 1 + attrs.getInt("index") : 1;
        TensorType like = in.get(shapeSource);
        return new TensorType(in.get(0).dtype(), like.dims(), like.names());
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        if (this == REDUCE_GRAD) return reduceGrad(in, attrs);
        return kernel.apply(in, attrs);
    }

    private static Tensor unbroadcast(List<Tensor> in, Attrs attrs) {
        INDArray g = in.get(0).array();
        long[] gs = g.shape();
        long[] ls = in.get(1).shape();
        int[] axes = Shapes.broadcastAxes(gs, ls);
        if (axes.length == 0) return new Tensor(g.dup('c').reshape('c', ls));
        INDArray summed = g.sum(true, axes);
        return new Tensor(ls.length == 0 ? summed.reshape(new long[0]) : summed.reshape('c', ls));
    }

    private static Tensor reduceGrad(List<Tensor> in, Attrs attrs) {
        Tensor dy = in.get(0);
        Tensor x = in.get(1);
        long[] xs = x.shape();
        boolean[] reduced = ReduceOp.reducedAxes(xs.length, attrs.getInts("axes"));
        long[] keep = xs.clone();
        long count = 1;
        for (int i = 0; i < xs.length; i++) {
            if (reduced[i]) {
                keep[i] = 1;
                count *= xs[i];
            }
        }
        INDArray spread = TensorOps.broadcastTo(dy.array().dup('c').reshape('c', keep), xs).dup('c');
        String kind = (String) attrs.get("kind");
        switch (kind) {
            case "sum" -> { }
            case "mean" -> spread.divi(count);
            case "max", "min" -> {
                INDArray y = TensorOps.broadcastTo(in.get(2).array().dup('c').reshape('c', keep), xs);
                INDArray mask = x.array().eq(y).castTo(spread.dataType());
                INDArray ties = TensorOps.broadcastTo(mask.sum(true, axesOf(reduced)), xs);
                spread.muli(mask).divi(ties);
            }
            case "prod" -> spread.muli(productOfOthers(x.array().castTo(spread.dataType()), reduced));
            default -> throw new IllegalArgumentException(kind);
        }
        return new Tensor(spread);
    }

    /**
     * For each element, the product of the other elements of its group. Not y / x: that is 0 / 0 where x is zero,
     * and the product of the others is not zero there when x is the group's only zero.
     */
    private static INDArray productOfOthers(INDArray x, boolean[] reduced) {
        int[] axes = axesOf(reduced);
        INDArray zero = x.eq(0.0).castTo(x.dataType());
        INDArray nonzero = x.add(zero);
        INDArray product = TensorOps.broadcastTo(nonzero.prod(true, axes), x.shape());
        INDArray zeros = TensorOps.broadcastTo(zero.sum(true, axes), x.shape());
        INDArray noZero = product.div(nonzero).muli(zeros.eq(0.0).castTo(x.dataType()));
        INDArray onlyZero = product.mul(zero).muli(zeros.eq(1.0).castTo(x.dataType()));
        return noZero.addi(onlyZero);
    }

    private static int[] axesOf(boolean[] reduced) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < reduced.length; i++) if (reduced[i]) out.add(i);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Tensor concatGrad(List<Tensor> in, Attrs attrs) {
        Tensor dy = in.get(0);
        int index = attrs.getInt("index");
        int axis = Shapes.axis(attrs.getInt("axis"), dy.rank());
        long start = 0;
        for (int i = 0; i < index; i++) start += in.get(1 + i).shape()[axis];
        long size = in.get(1 + index).shape()[axis];
        List<Slicing.Index> idx = new ArrayList<>();
        for (int i = 0; i < axis; i++) idx.add(new Slicing.Slice(null, null, null));
        idx.add(new Slicing.Slice(start, start + size, 1L));
        return Slicing.get(dy, idx);
    }

    /** Splits each axis of dy into (copy, position in x) and sums over the copies. */
    private static Tensor tileGrad(List<Tensor> in, Attrs attrs) {
        long[] xs = in.get(1).shape();
        if (xs.length == 0) return in.get(0);
        long[] multiples = attrs.getLongs("multiples");
        long[] split = new long[2 * xs.length];
        int[] copies = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            split[2 * i] = multiples[i];
            split[2 * i + 1] = xs[i];
            copies[i] = 2 * i;
        }
        INDArray g = in.get(0).array().dup('c').reshape('c', split);
        return new Tensor(g.sum(true, copies).reshape('c', xs));
    }

}
