package dev.nnl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable n-dimensional array with a dtype, in C order. Small tensors live in a Java array, so that a script's
 * many small temporaries cost no native memory and are freed by the garbage collector like any object; large ones
 * live in an ND4J array. Either form gives the other on demand ({@link #array()} for ND4J kernels).
 */
public final class Tensor {
    /** Tensors with at most this many elements are kept on the Java heap. */
    public static final int HEAP_LIMIT = 1 << 16;

    private final DType dtype;
    private final long[] shape;
    private final Object heap;
    private INDArray array;

    public Tensor(INDArray array) {
        this.array = array;
        this.dtype = DType.of(array.dataType());
        this.shape = array.shape();
        this.heap = null;
    }

    private Tensor(DType dtype, long[] shape, Object heap) {
        this.dtype = dtype;
        this.shape = shape;
        this.heap = heap;
    }

    /** The ND4J array (made from the Java array the first time it is asked for). */
    public INDArray array() {
        if (array == null) array = materialize();
        return array;
    }

    /** The Java array holding the elements (float[], double[], int[], long[] or byte[] by dtype), or null. */
    public Object heap() { return heap; }

    public DType dtype() { return dtype; }

    public long[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public long size() { return Shapes.size(shape); }

    /** Element access; for an ND4J array that is a strided view, of a C-ordered copy. */
    public View view() { return heap != null ? View.of(this) : View.of(contiguous()); }

    /** Whether Java loops should compute this tensor's ops (it is small). */
    public boolean isSmall() { return size() <= HEAP_LIMIT; }

    // ---- creation

    /** A new tensor of zeros, on the heap when small: kernels fill it through {@link #view()}. */
    public static Tensor allocate(DType dtype, long[] shape) {
        long n = Shapes.size(shape);
        if (n > HEAP_LIMIT) return new Tensor(Nd4j.create(dtype.nd4j, shape, 'c'));
        int k = (int) n;
        Object data = switch (dtype) {
            case FLOAT32 -> new float[k];
            case FLOAT64 -> new double[k];
            case INT32 -> new int[k];
            case INT64 -> new long[k];
            case BOOL, UINT8 -> new byte[k];
        };
        return new Tensor(dtype, shape.clone(), data);
    }

    public static Tensor ofDoubles(long[] shape, double[] data, DType dtype) {
        Tensor t = allocate(dtype, shape);
        if (t.heap == null) {
            INDArray a = Nd4j.create(data, shape, DataType.DOUBLE);
            return new Tensor(dtype == DType.FLOAT64 ? a : a.castTo(dtype.nd4j));
        }
        View v = t.view();
        for (int i = 0; i < data.length; i++) v.set(i, data[i]);
        return t;
    }

    public static Tensor ofFloats(long[] shape, float[] data) {
        if (data.length <= HEAP_LIMIT) return new Tensor(DType.FLOAT32, shape.clone(), data.clone());
        return new Tensor(Nd4j.create(data, shape, 'c'));
    }

    public static Tensor ofLongs(long[] shape, long[] data, DType dtype) {
        Tensor t = allocate(dtype, shape);
        if (t.heap == null) {
            INDArray a = Nd4j.createFromArray(data).reshape('c', shape);
            return new Tensor(dtype == DType.INT64 ? a : a.castTo(dtype.nd4j));
        }
        View v = t.view();
        for (int i = 0; i < data.length; i++) v.set(i, data[i]);
        return t;
    }

    /** uint8 elements (each byte read as 0..255) kept as bytes, so that a set of images costs one byte a pixel. */
    public static Tensor ofUint8(long[] shape, byte[] data) {
        if (data.length <= HEAP_LIMIT) return new Tensor(DType.UINT8, shape.clone(), data.clone());
        INDArray a = Nd4j.createFromArray(data).castTo(DataType.UBYTE); // the cast keeps the bit pattern: -1 is 255
        return new Tensor(a.reshape('c', shape));
    }

    public static Tensor ofBooleans(long[] shape, boolean[] data) {
        Tensor t = allocate(DType.BOOL, shape);
        if (t.heap == null) return new Tensor(Nd4j.createFromArray(data).reshape('c', shape));
        View v = t.view();
        for (int i = 0; i < data.length; i++) v.set(i, data[i] ? 1 : 0);
        return t;
    }

    public static Tensor scalar(double value, DType dtype) {
        return ofDoubles(new long[0], new double[] {value}, dtype);
    }

    public static Tensor zeros(long[] shape, DType dtype) {
        return allocate(dtype, shape);
    }

    private INDArray materialize() {
        INDArray a = switch (dtype) {
            case FLOAT32 -> Nd4j.createFromArray((float[]) heap);
            case FLOAT64 -> Nd4j.createFromArray((double[]) heap);
            case INT32 -> Nd4j.createFromArray((int[]) heap);
            case INT64 -> Nd4j.createFromArray((long[]) heap);
            case BOOL -> Nd4j.createFromArray(booleans());
            case UINT8 -> Nd4j.createFromArray((byte[]) heap).castTo(DataType.UBYTE);
        };
        return shape.length == 0 ? a.reshape(new long[0]) : a.reshape('c', shape);
    }

    // ---- data access (always C order)

    private INDArray contiguous() {
        INDArray a = array();
        return a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
    }

    public double[] doubles() {
        if (heap != null) {
            View v = view();
            double[] out = new double[(int) size()];
            for (int i = 0; i < out.length; i++) out[i] = v.get(i);
            return out;
        }
        if (size() == 0) return new double[0];
        return contiguous().castTo(DataType.DOUBLE).data().asDouble();
    }

    public long[] longs() {
        if (heap instanceof long[] l) return l.clone();
        if (heap != null) {
            View v = view();
            long[] out = new long[(int) size()];
            for (int i = 0; i < out.length; i++) out[i] = (long) v.get(i);
            return out;
        }
        if (size() == 0) return new long[0];
        return contiguous().castTo(DataType.LONG).data().asLong();
    }

    /** The elements of a uint8 or bool tensor as bytes (uint8 255 is the byte -1). */
    public byte[] bytes() {
        if (dtype != DType.UINT8 && dtype != DType.BOOL) throw new IllegalStateException("bytes() of a " + dtype + " tensor");
        if (heap instanceof byte[] b) return b.clone();
        byte[] out = new byte[(int) size()];
        if (out.length > 0) contiguous().data().asNio().get(0, out);
        return out;
    }

    public boolean[] booleans() {
        if (heap instanceof byte[] b && dtype == DType.BOOL) {
            boolean[] out = new boolean[b.length];
            for (int i = 0; i < b.length; i++) out[i] = b[i] != 0;
            return out;
        }
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

    /**
     * Drops the ND4J copy of a heap tensor's elements. Only a variable's own storage is ever written (through its
     * view), and the variable calls this before each write so that ND4J kernels see the new values.
     */
    public void forgetArrayCopy() {
        if (heap != null) array = null;
    }

    /** A copy that nobody else refers to (variables own theirs). */
    public Tensor copy() {
        if (heap == null) return new Tensor(array.dup('c'));
        Object data = switch (dtype) {
            case FLOAT32 -> ((float[]) heap).clone();
            case FLOAT64 -> ((double[]) heap).clone();
            case INT32 -> ((int[]) heap).clone();
            case INT64 -> ((long[]) heap).clone();
            case BOOL, UINT8 -> ((byte[]) heap).clone();
        };
        return new Tensor(dtype, shape.clone(), data);
    }

    /** Another shape for the same elements in order (the caller checked the count). */
    public Tensor reshaped(long[] newShape) {
        if (heap != null) return new Tensor(dtype, newShape.clone(), heap);
        INDArray c = contiguous();
        return new Tensor(newShape.length == 0 ? c.reshape(new long[0]) : c.reshape('c', newShape));
    }

    public Tensor cast(DType to) {
        if (to == dtype) return this;
        if (heap != null) {
            Tensor out = allocate(to, shape);
            View src = view();
            View dst = out.view();
            int n = (int) size();
            for (int i = 0; i < n; i++) dst.set(i, src.get(i));
            return out;
        }
        if (to == DType.BOOL) return new Tensor(array.neq(0.0).castTo(DataType.BOOL));
        return new Tensor(array.castTo(to.nd4j));
    }

    public String describe() {
        return "tensor of shape " + Shapes.show(shape) + " and dtype " + dtype;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + dtype;
    }
}
