package dev.nnl.tensor;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a tensor's memory (a Java array, or an ND4J array without a native call per element), so that
 * small tensors are computed in plain Java loops. Values pass as doubles; {@link #round} gives a kernel the dtype's
 * own rounding, so a float32 sum accumulated through it is bit for bit a float32 sum.
 */
public abstract class View {
    public abstract double get(int i);

    public abstract void set(int i, double v);

    /** The value as this dtype stores it. */
    public abstract double round(double v);

    /** A view of a tensor's storage; writing through it is only for tensors being built or owned by a variable. */
    static View of(Tensor t) {
        Object heap = t.heap();
        if (heap instanceof float[] f) return new Float32(FloatBuffer.wrap(f));
        if (heap instanceof double[] d) return new Float64(DoubleBuffer.wrap(d));
        if (heap instanceof int[] i) return new Int32(IntBuffer.wrap(i));
        if (heap instanceof long[] l) return new Int64(LongBuffer.wrap(l));
        return new Bytes(ByteBuffer.wrap((byte[]) heap), t.dtype() == DType.UINT8);
    }

    /** Keeps the array whose native memory the buffer reads alive as long as this view is in use. */
    private INDArray owner;

    /** A view of a C-ordered ND4J array that is not a view of another. */
    public static View of(INDArray a) {
        View v = switch (a.dataType()) {
            case FLOAT -> new Float32(a.data().asNioFloat());
            case DOUBLE -> new Float64(a.data().asNioDouble());
            case INT -> new Int32(a.data().asNioInt());
            case LONG -> new Int64(a.data().asNioLong());
            case BOOL, UBYTE -> new Bytes(a.data().asNio(), a.dataType() == org.nd4j.linalg.api.buffer.DataType.UBYTE);
            default -> throw new IllegalArgumentException("no view for " + a.dataType());
        };
        v.owner = a;
        return v;
    }

    private static final class Float32 extends View {
        private final FloatBuffer b;

        Float32(FloatBuffer b) { this.b = b; }

        @Override public double get(int i) { return b.get(i); }

        @Override public void set(int i, double v) { b.put(i, (float) v); }

        @Override public double round(double v) { return (float) v; }
    }

    private static final class Float64 extends View {
        private final DoubleBuffer b;

        Float64(DoubleBuffer b) { this.b = b; }

        @Override public double get(int i) { return b.get(i); }

        @Override public void set(int i, double v) { b.put(i, v); }

        @Override public double round(double v) { return v; }
    }

    private static final class Int32 extends View {
        private final IntBuffer b;

        Int32(IntBuffer b) { this.b = b; }

        @Override public double get(int i) { return b.get(i); }

        @Override public void set(int i, double v) { b.put(i, (int) v); }

        @Override public double round(double v) { return (int) v; }
    }

    private static final class Int64 extends View {
        private final LongBuffer b;

        Int64(LongBuffer b) { this.b = b; }

        @Override public double get(int i) { return b.get(i); }

        @Override public void set(int i, double v) { b.put(i, (long) v); }

        @Override public double round(double v) { return (long) v; }
    }

    /** bool (0 or 1) and uint8 (0 to 255). */
    private static final class Bytes extends View {
        private final ByteBuffer b;
        private final boolean unsigned;

        Bytes(ByteBuffer b, boolean unsigned) {
            this.b = b;
            this.unsigned = unsigned;
        }

        @Override public double get(int i) { return unsigned ? b.get(i) & 0xff : (b.get(i) != 0 ? 1 : 0); }

        @Override public void set(int i, double v) { b.put(i, unsigned ? (byte) (int) v : (byte) (v != 0 ? 1 : 0)); }

        @Override public double round(double v) { return unsigned ? ((int) v) & 0xff : (v != 0 ? 1 : 0); }
    }
}
