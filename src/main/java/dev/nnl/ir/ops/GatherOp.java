package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.GradientBuilder;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.Gathering;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * tf.gather(params, indices, axis): the slices of params along {@code axis} that integer indices pick, so the axis is
 * replaced by the indices' shape (an embedding lookup gathers rows). Its gradient, gather_grad(dy, indices, params),
 * adds each slice of dy back where it was taken from (indices have no gradient).
 */
public final class GatherOp implements OpDef {
    public static final GatherOp GATHER = new GatherOp("gather");
    public static final GatherOp GATHER_GRAD = new GatherOp("gather_grad");

    private final String name;

    private GatherOp(String name) {
        this.name = name;
    }

    @Override public String name() { return name; }

    @Override
    public TensorType infer(List<TensorType> in, Attrs attrs) {
        if (this == GATHER_GRAD) {
            TensorType params = in.get(2);
            return new TensorType(in.get(0).dtype(), params.dims(), params.names());
        }
        TensorType params = in.get(0);
        TensorType indices = in.get(1);
        if (!indices.dtype().isInteger()) {
            throw new ShapeError("gather needs integer indices, got " + indices.dtype(), "cast them first: cast(ids, int32)");
        }
        if (params.rank() == 0) throw new ShapeError("gather needs params of rank 1 or more, got a scalar");
        int axis = axis(params.rank(), attrs);
        int rank = params.rank() - 1 + indices.rank();
        long[] dims = new long[rank];
        String[] names = new String[rank];
        int k = 0;
        for (int d = 0; d < params.rank(); d++) {
            if (d == axis) {
                for (int j = 0; j < indices.rank(); j++, k++) {
                    dims[k] = indices.dims()[j];
                    names[k] = indices.names()[j];
                }
            } else {
                dims[k] = params.dims()[d];
                names[k++] = params.names()[d];
            }
        }
        return new TensorType(params.dtype(), dims, names);
    }

    @Override
    public Tensor compute(List<Tensor> in, Attrs attrs) {
        if (this == GATHER_GRAD) {
            Tensor dy = in.get(0);
            Tensor params = in.get(2);
            Tensor out = Tensor.allocate(dy.dtype(), params.shape());
            gathering(params.shape(), in.get(1).shape(), attrs).scatterAdd(dy.view(), in.get(1).view(), out.view(), (int) out.size());
            return out;
        }
        Tensor params = in.get(0);
        Tensor indices = in.get(1);
        List<TensorType> types = List.of(TensorType.of(params.dtype(), params.shape()), TensorType.of(indices.dtype(), indices.shape()));
        Tensor out = Tensor.allocate(params.dtype(), infer(types, attrs).dims());
        gathering(params.shape(), indices.shape(), attrs).gather(params.view(), indices.view(), out.view());
        return out;
    }

    /** The loops for params and indices of these shapes. */
    public static Gathering gathering(long[] paramsShape, long[] indexShape, Attrs attrs) {
        return new Gathering(paramsShape, axis(paramsShape.length, attrs), indexShape);
    }

    private static int axis(int rank, Attrs attrs) {
        int axis = attrs.getInt("axis");
        if (axis < -rank || axis >= rank) {
            throw new ShapeError("gather: axis " + axis + " is out of range for params of rank " + rank);
        }
        return Shapes.axis(axis, rank);
    }

    @Override
    public List<Node> gradient(GradientBuilder g, Node node, Node dy) {
        if (this == GATHER_GRAD) return null;
        return Arrays.asList(g.apply(GATHER_GRAD, node.attrs(), dy, node.input(1), node.input(0)), null);
    }
}
