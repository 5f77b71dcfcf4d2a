package dev.nnl.tensor;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** numpy basic indexing: integers (negative from the end), start:stop:step slices, newaxis and the ellipsis. */
public final class Slicing {
    private Slicing() {}

    /** One entry of {@code x[...]}; slice bounds are null when omitted. */
    public sealed interface Index {}

    public record Point(long index) implements Index {}

    public record Slice(Long start, Long stop, Long step) implements Index {}

    /** Selects rows along the axis by an integer tensor (numpy's integer-array indexing on one axis). */
    public record Take(long[] indices, long[] indexShape) implements Index {}

    public enum Marker implements Index { NEW_AXIS, ELLIPSIS }

    /** The shape {@code x[indices]} has, for a shape whose dimensions may be unknown (-1). */
    public static long[] outputShape(long[] shape, List<Index> indices) {
        List<Index> full = expandEllipsis(indices, shape.length);
        List<Long> out = new ArrayList<>();
        int axis = 0;
        for (Index index : full) {
            if (index == Marker.NEW_AXIS) {
                out.add(1L);
                continue;
            }
            long dim = shape[axis];
            if (index instanceof Point p && dim != Shapes.UNKNOWN) {
                long i = p.index() < 0 ? p.index() + dim : p.index();
                if (i < 0 || i >= dim) throw new ShapeError("index " + p.index() + " is out of range for axis " + axis + " of size " + dim);
            } else if (index instanceof Slice s) {
                out.add(dim == Shapes.UNKNOWN ? Shapes.UNKNOWN : (long) sliceIndices(s, dim).length);
            } else if (index instanceof Take take) {
                for (long d : take.indexShape()) out.add(d);
            }
            axis++;
        }
        for (int k = axis; k < shape.length; k++) out.add(shape[k]);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** For each element of {@code x[indices]} (C order), the flat position in {@code x} it comes from. */
    public static long[] sourcePositions(long[] shape, List<Index> indices) {
        List<Index> full = expandEllipsis(indices, shape.length);
        List<long[]> picks = new ArrayList<>();
        int axis = 0;
        for (Index index : full) {
            if (index == Marker.NEW_AXIS) continue;
            long dim = shape[axis];
            if (index instanceof Point p) picks.add(new long[] {p.index() < 0 ? p.index() + dim : p.index()});
            else if (index instanceof Slice s) picks.add(sliceIndices(s, dim));
            else if (index instanceof Take take) {
                long[] k = take.indices().clone();
                for (int j = 0; j < k.length; j++) if (k[j] < 0) k[j] += dim;
                picks.add(k);
            }
            axis++;
        }
        for (int k = axis; k < shape.length; k++) picks.add(sliceIndices(new Slice(null, null, null), shape[k]));
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= shape[k];
        }
        long count = 1;
        for (long[] p : picks) count *= p.length;
        long[] out = new long[(int) count];
        int[] counter = new int[picks.size()];
        for (int i = 0; i < out.length; i++) {
            long pos = 0;
            for (int k = 0; k < counter.length; k++) pos += picks.get(k)[counter[k]] * strides[k];
            out[i] = pos;
            for (int k = counter.length - 1; k >= 0; k--) {
                if (++counter[k] < picks.get(k).length) break;
                counter[k] = 0;
            }
        }
        return out;
    }

    public static Tensor get(Tensor t, List<Index> indices) {
        long[] outShape = outputShape(t.shape(), indices);
        if (t.isSmall()) return Loops.gather(t, sourcePositions(t.shape(), indices), outShape);
        Tensor rows = leadingRows(t, indices);
        if (rows != null) return rows;
        if (Shapes.size(outShape) <= Tensor.HEAP_LIMIT) return Loops.gather(t, sourcePositions(t.shape(), indices), outShape);
        return gathered(t, indices);
    }

    /**
     * The common case {@code x[a:b]} or {@code x[i]} (the rest of the axes whole) is a block of consecutive rows:
     * one copy of contiguous memory.
     */
    private static Tensor leadingRows(Tensor t, List<Index> indices) {
        if (t.rank() == 0 || indices.isEmpty()) return null;
        for (int k = 1; k < indices.size(); k++) {
            if (!(indices.get(k) instanceof Slice s && s.start() == null && s.stop() == null && s.step() == null)
                    && indices.get(k) != Marker.ELLIPSIS) {
                return null;
            }
        }
        long dim = t.shape()[0];
        long start;
        long stop;
        long[] outShape;
        if (indices.get(0) instanceof Point p) {
            start = p.index() < 0 ? p.index() + dim : p.index();
            if (start < 0 || start >= dim) throw new ShapeError("index " + p.index() + " is out of range for axis 0 of size " + dim);
            stop = start + 1;
            outShape = java.util.Arrays.copyOfRange(t.shape(), 1, t.rank());
        } else if (indices.get(0) instanceof Slice s && (s.step() == null || s.step() == 1)) {
            long[] picked = sliceIndices(s, dim);
            if (picked.length == 0) return null;
            start = picked[0];
            stop = picked[picked.length - 1] + 1;
            outShape = t.shape().clone();
            outShape[0] = stop - start;
        } else {
            return null;
        }
        INDArray block = t.array().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, stop)).dup('c');
        return new Tensor(outShape.length == 0 ? block.reshape(new long[0]) : block.reshape('c', outShape));
    }

    private static Tensor gathered(Tensor t, List<Index> indices) {
        List<Index> full = expandEllipsis(indices, t.rank());
        INDArray x = t.array();
        long[] shape = t.shape();
        List<Long> outShape = new ArrayList<>();
        int axis = 0;
        int keptAxis = 0;
        for (Index index : full) {
            if (index == Marker.NEW_AXIS) {
                outShape.add(1L);
                continue;
            }
            long dim = shape[axis];
            if (index instanceof Point p) {
                long i = p.index() < 0 ? p.index() + dim : p.index();
                if (i < 0 || i >= dim) {
                    throw new ShapeError("index " + p.index() + " is out of range for axis " + axis + " of size " + dim);
                }
                x = gather(x, new long[] {i}, keptAxis);
                x = squeezeAxis(x, keptAxis);
            } else if (index instanceof Slice s) {
                long[] picked = sliceIndices(s, dim);
                if (!(picked.length == dim && isIdentity(picked))) x = gather(x, picked, keptAxis);
                outShape.add((long) picked.length);
                keptAxis++;
            } else if (index instanceof Take take) {
                long[] picked = new long[take.indices().length];
                for (int k = 0; k < picked.length; k++) {
                    long i = take.indices()[k] < 0 ? take.indices()[k] + dim : take.indices()[k];
                    if (i < 0 || i >= dim) throw new ShapeError("index " + take.indices()[k] + " is out of range for axis "
                            + axis + " of size " + dim);
                    picked[k] = i;
                }
                x = gather(x, picked, keptAxis);
                for (long d : take.indexShape()) outShape.add(d);
                keptAxis += take.indexShape().length;
                if (take.indexShape().length != 1) {
                    long[] s = x.shape().clone();
                    List<Long> reshaped = new ArrayList<>();
                    for (int k = 0; k < keptAxis - take.indexShape().length; k++) reshaped.add(s[k]);
                    for (long d : take.indexShape()) reshaped.add(d);
                    for (int k = keptAxis - take.indexShape().length + 1; k < s.length; k++) reshaped.add(s[k]);
                    x = x.reshape('c', reshaped.stream().mapToLong(Long::longValue).toArray());
                }
            }
            axis++;
        }
        for (int k = axis; k < shape.length; k++) outShape.add(shape[k]);
        long[] finalShape = outShape.stream().mapToLong(Long::longValue).toArray();
        INDArray r = x.dup('c');
        return new Tensor(finalShape.length == 0 ? r.reshape(new long[0]) : r.reshape('c', finalShape));
    }

    private static boolean isIdentity(long[] picked) {
        for (int i = 0; i < picked.length; i++) if (picked[i] != i) return false;
        return true;
    }

    private static List<Index> expandEllipsis(List<Index> indices, int rank) {
        int used = 0;
        int ellipses = 0;
        for (Index i : indices) {
            if (i == Marker.ELLIPSIS) ellipses++;
            else if (i != Marker.NEW_AXIS) used++;
        }
        if (ellipses > 1) throw new ShapeError("an index can have only one '...'");
        if (used > rank) {
            throw new ShapeError("too many indices: " + used + " for a tensor of rank " + rank);
        }
        List<Index> out = new ArrayList<>();
        for (Index i : indices) {
            if (i == Marker.ELLIPSIS) {
                for (int k = 0; k < rank - used; k++) out.add(new Slice(null, null, null));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** The positions a slice picks from an axis of length {@code dim}, exactly as Python's slice.indices. */
    public static long[] sliceIndices(Slice s, long dim) {
        long step = s.step() == null ? 1 : s.step();
        if (step == 0) throw new ShapeError("slice step cannot be zero");
        long start;
        long stop;
        if (step > 0) {
            start = s.start() == null ? 0 : clamp(s.start() < 0 ? s.start() + dim : s.start(), 0, dim);
            stop = s.stop() == null ? dim : clamp(s.stop() < 0 ? s.stop() + dim : s.stop(), 0, dim);
        } else {
            start = s.start() == null ? dim - 1 : clamp(s.start() < 0 ? s.start() + dim : s.start(), -1, dim - 1);
            stop = s.stop() == null ? -1 : clamp(s.stop() < 0 ? s.stop() + dim : s.stop(), -1, dim - 1);
        }
        List<Long> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) out.add(i);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static INDArray gather(INDArray x, long[] indices, int axis) {
        if (indices.length == 0) {
            long[] s = x.shape().clone();
            s[axis] = 0;
            return Nd4j.create(x.dataType(), s);
        }
        INDArray idx = Nd4j.createFromArray(indices);
        return TensorOps.exec("gather", new int[] {axis}, x, idx);
    }

    private static INDArray squeezeAxis(INDArray x, int axis) {
        long[] s = x.shape();
        long[] out = new long[s.length - 1];
        for (int i = 0, k = 0; i < s.length; i++) if (i != axis) out[k++] = s[i];
        return out.length == 0 ? x.reshape(new long[0]) : x.reshape('c', out);
    }
}
