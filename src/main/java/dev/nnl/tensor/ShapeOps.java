package dev.nnl.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Operations that rearrange elements without computing new values. */
public final class ShapeOps {
    private ShapeOps() {}

    public static Tensor reshape(Tensor t, long[] shape) {
        return t.reshaped(Shapes.reshape(t.shape(), shape));
    }

    public static Tensor squeeze(Tensor t, int[] axes) {
        return reshape(t, squeezedShape(t.shape(), axes));
    }

    /** The shape without the given size-1 axes (all size-1 axes when {@code axes} is null); unknown sizes may go. */
    public static long[] squeezedShape(long[] s, int[] axes) {
        boolean[] drop = new boolean[s.length];
        if (axes == null) {
            for (int i = 0; i < s.length; i++) drop[i] = s[i] == 1;
        } else {
            for (int a : axes) {
                int ax = Shapes.axis(a, s.length);
                if (s[ax] != 1 && s[ax] != Shapes.UNKNOWN) {
                    throw new ShapeError("cannot squeeze axis " + a + " of size " + s[ax] + " (only size 1)");
                }
                drop[ax] = true;
            }
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < s.length; i++) if (!drop[i]) out.add(s[i]);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    public static Tensor expandDims(Tensor t, int axis) {
        return reshape(t, expandedShape(t.shape(), axis));
    }

    /** The shape with a new axis of length 1 at {@code axis} (negative counts from the end of the result). */
    public static long[] expandedShape(long[] s, int axis) {
        int a = axis < 0 ? axis + s.length + 1 : axis;
        if (a < 0 || a > s.length) throw new ShapeError("expand_dims axis " + axis + " is out of range for rank " + s.length);
        long[] out = new long[s.length + 1];
        for (int i = 0, k = 0; i < out.length; i++) out[i] = i == a ? 1 : s[k++];
        return out;
    }

    public static Tensor transpose(Tensor t, int[] perm) {
        int rank = t.rank();
        int[] p = perm;
        if (p == null) {
            p = new int[rank];
            for (int i = 0; i < rank; i++) p[i] = rank - 1 - i;
        } else {
            if (p.length != rank) throw new ShapeError("transpose perm " + Arrays.toString(p) + " has " + p.length
                    + " entries for a tensor of rank " + rank);
            boolean[] seen = new boolean[rank];
            for (int i = 0; i < rank; i++) {
                p[i] = Shapes.axis(p[i], rank);
                if (seen[p[i]]) throw new ShapeError("transpose perm repeats axis " + p[i]);
                seen[p[i]] = true;
            }
        }
        if (rank < 2) return t;
        if (t.isSmall()) {
            long[] outShape = new long[rank];
            for (int i = 0; i < rank; i++) outShape[i] = t.shape()[p[i]];
            int[] map = IndexMaps.transpose(t.shape(), p);
            long[] positions = new long[map.length];
            for (int i = 0; i < map.length; i++) positions[i] = map[i];
            return Loops.gather(t, positions, outShape);
        }
        return new Tensor(t.array().permute(p).dup('c'));
    }

    public static Tensor concat(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) throw new ShapeError("concat of an empty list");
        Tensor first = parts.get(0);
        int a = Shapes.axis(axis, first.rank());
        for (Tensor p : parts) {
            TensorOps.requireSameDType("concat", first, p);
            if (p.rank() != first.rank()) throw new ShapeError("concat of tensors with ranks " + first.rank() + " and " + p.rank());
            for (int i = 0; i < p.rank(); i++) {
                if (i != a && p.shape()[i] != first.shape()[i]) {
                    throw new ShapeError("concat along axis " + axis + " of " + Shapes.show(first.shape()) + " and "
                            + Shapes.show(p.shape()) + ": dimension " + i + " differs");
                }
            }
        }
        INDArray[] arrays = parts.stream().map(p -> p.array().dup('c')).toArray(INDArray[]::new);
        return new Tensor(Nd4j.concat(a, arrays));
    }

    public static Tensor stack(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) throw new ShapeError("stack of an empty list");
        Tensor first = parts.get(0);
        for (Tensor p : parts) {
            if (!Arrays.equals(p.shape(), first.shape())) {
                throw new ShapeError("stack needs equal shapes, got " + Shapes.show(first.shape()) + " and " + Shapes.show(p.shape()));
            }
        }
        int a = axis < 0 ? axis + first.rank() + 1 : axis;
        if (a < 0 || a > first.rank()) throw new ShapeError("stack axis " + axis + " is out of range for rank " + first.rank());
        List<Tensor> expanded = new ArrayList<>();
        for (Tensor p : parts) expanded.add(expandDims(p, a));
        return concat(expanded, a);
    }

    public static List<Tensor> split(Tensor t, long[] sizes, int axis) {
        int a = Shapes.axis(axis, t.rank());
        long total = Arrays.stream(sizes).sum();
        if (total != t.shape()[a]) {
            throw new ShapeError("split sizes " + Arrays.toString(sizes) + " add up to " + total + ", but axis " + axis
                    + " has size " + t.shape()[a]);
        }
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (long size : sizes) {
            List<Slicing.Index> index = new ArrayList<>();
            for (int i = 0; i < a; i++) index.add(new Slicing.Slice(null, null, null));
            index.add(new Slicing.Slice(start, start + size, 1L));
            out.add(Slicing.get(t, index));
            start += size;
        }
        return out;
    }

    public static Tensor oneHot(Tensor indices, long depth, double on, double off, DType dtype) {
        if (indices.dtype().isFloating() || indices.dtype() == DType.BOOL) {
            throw new ShapeError("one_hot needs integer indices, got " + indices.dtype(), "cast first: cast(y, int32)");
        }
        long[] idx = indices.longs();
        double[] data = new double[(int) (idx.length * depth)];
        for (int i = 0; i < idx.length; i++) {
            for (int k = 0; k < depth; k++) data[(int) (i * depth + k)] = idx[i] == k ? on : off;
        }
        long[] shape = Arrays.copyOf(indices.shape(), indices.rank() + 1);
        shape[indices.rank()] = depth;
        return Tensor.ofDoubles(shape, data, dtype);
    }

    public static Tensor tile(Tensor t, long[] multiples) {
        if (multiples.length != t.rank()) throw new ShapeError("tile needs one multiple per axis: " + t.rank());
        int[] reps = Arrays.stream(multiples).mapToInt(m -> (int) m).toArray();
        return new Tensor(Nd4j.tile(t.array(), reps));
    }
}
