package dev.nnl.tensor;

/**
 * The loops of tf.gather and of its gradient. With params seen as [outer, size along the axis, inner] and k indices,
 * the result is [outer, k, inner]: element (o, j, i) is params (o, indices[j], i). Indices are checked as they are
 * read, with TensorFlow's message.
 */
public final class Gathering {
    private final int outer;
    private final int along;
    private final int inner;
    private final int count;
    private final long[] indexShape;

    /** For params of this shape, gathered along {@code axis} by indices of {@code indexShape}. */
    public Gathering(long[] paramsShape, int axis, long[] indexShape) {
        int o = 1;
        int i = 1;
        for (int d = 0; d < axis; d++) o *= (int) paramsShape[d];
        for (int d = axis + 1; d < paramsShape.length; d++) i *= (int) paramsShape[d];
        outer = o;
        inner = i;
        along = (int) paramsShape[axis];
        count = (int) Shapes.size(indexShape);
        this.indexShape = indexShape;
    }

    /** out = gather(params, indices). */
    public void gather(View params, View indices, View out) {
        for (int j = 0; j < count; j++) {
            int row = index(indices, j);
            for (int o = 0; o < outer; o++) {
                int from = (o * along + row) * inner;
                int to = (o * count + j) * inner;
                for (int i = 0; i < inner; i++) out.set(to + i, params.get(from + i));
            }
        }
    }

    /** out = zeros shaped like params, with each gathered slice of {@code grad} added where it was taken from. */
    public void scatterAdd(View grad, View indices, View out, int outSize) {
        for (int n = 0; n < outSize; n++) out.set(n, 0);
        for (int j = 0; j < count; j++) {
            int row = index(indices, j);
            for (int o = 0; o < outer; o++) {
                int to = (o * along + row) * inner;
                int from = (o * count + j) * inner;
                for (int i = 0; i < inner; i++) out.set(to + i, out.round(out.get(to + i) + grad.get(from + i)));
            }
        }
    }

    private int index(View indices, int j) {
        long v = (long) indices.get(j);
        if (v < 0 || v >= along) {
            throw new ShapeError("gather: indices" + position(j) + " = " + v + " is not in [0, " + along + ")",
                    "every index must be below the size of the gathered axis (for an embedding: its input_dim)");
        }
        return (int) v;
    }

    /** TF's [i,j] notation for the j-th index in row-major order. */
    private String position(int j) {
        if (indexShape.length == 0) return "";
        StringBuilder b = new StringBuilder("]");
        int rest = j;
        for (int d = indexShape.length - 1; d >= 0; d--) {
            b.insert(0, rest % indexShape[d]).insert(0, d == 0 ? "[" : ",");
            rest /= (int) indexShape[d];
        }
        return b.toString();
    }
}
