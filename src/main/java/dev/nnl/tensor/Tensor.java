package dev.nnl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable n-dimensional array with a dtype, stored in an ND4J array in C order.
 * Operations never change a tensor; they make new ones.
 */
public final class Tensor {
    private final INDArray array;
    private final DType dtype;

    public Tensor(INDArray array) {
        this.array = array;
        this.dtype = DType.of(array.dataType());
    }

    public INDArray array() { return array; }

    public DType dtype() { return dtype; }

    public long[] shape() { return array.shape(); }

    public int rank() { return array.rank(); }

    public long size() { return array.length(); }

    // ---- creation

    public static Tensor ofDoubles(long[] shape, double[] data, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
            return ofFloats(shape, f);
        }
        INDArray a = shape.length == 0 ? Nd4j.scalar(data[0]) : Nd4j.create(data, shape, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        return new Tensor(dtype == DType.FLOAT64 ? a : a.castTo(dtype.nd4j));
    }

    public static Tensor ofFloats(long[] shape, float[] data) {
        INDArray a = shape.length == 0 ? Nd4j.scalar(data[0]) : Nd4j.create(data, shape, 'c');
        return new Tensor(a);
    }

    public static Tensor ofLongs(long[] shape, long[] data, DType dtype) {
        INDArray a = Nd4j.createFromArray(data);
        a = shape.length == 0 ? a.reshape(new long[0]) : a.reshape('c', shape);
        return new Tensor(dtype == DType.INT64 ? a : a.castTo(dtype.nd4j));
    }

    public static Tensor ofBooleans(long[] shape, boolean[] data) {
        INDArray a = Nd4j.createFromArray(data);
        return new Tensor(shape.length == 0 ? a.reshape(new long[0]) : a.reshape('c', shape));
    }

    public static Tensor scalar(double value, DType dtype) {
        return ofDoubles(new long[0], new double[] {value}, dtype);
    }

    public static Tensor scalarLong(long value, DType dtype) {
        return ofLongs(new long[0], new long[] {value}, dtype);
    }

    public static Tensor zeros(long[] shape, DType dtype) {
        return new Tensor(Nd4j.zeros(dtype.nd4j, shape));
    }

    // ---- data access (always C order)

    private INDArray contiguous() {
        return array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    }

    public double[] doubles() {
        if (size() == 0) return new double[0];
        return contiguous().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
    }

    public long[] longs() {
        if (size() == 0) return new long[0];
        return contiguous().castTo(org.nd4j.linalg.api.buffer.DataType.LONG).data().asLong();
    }

    public boolean[] booleans() {
        double[] d = doubles();
        boolean[] out = new boolean[d.length];
        for (int i = 0; i < d.length; i++) out[i] = d[i] != 0;
        return out;
    }

    /** The single element of a one-element tensor as a host value (Double, Long or Boolean). */
    public Object item() {
        if (dtype == DType.BOOL) return booleans()[0];
        if (dtype.isFloating()) return doubles()[0];
        return longs()[0];
    }

    public Tensor cast(DType to) {
        if (to == dtype) return this;
        if (to == DType.BOOL) {
            return new Tensor(array.neq(0.0).castTo(org.nd4j.linalg.api.buffer.DataType.BOOL));
        }
        return new Tensor(array.castTo(to.nd4j));
    }

    public String describe() {
        return "tensor of shape " + Shapes.show(shape()) + " and dtype " + dtype;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape()) + dtype;
    }
}
