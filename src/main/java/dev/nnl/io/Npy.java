package dev.nnl.io;

import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} encoding of one array (format version 1.0), so that numpy can read what NNL writes:
 * {@code \x93NUMPY}, bytes 1 0, a little-endian uint16 header length, an ASCII header
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a newline to a multiple
 * of 64 bytes, then the elements little-endian in C order.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE = MAGIC.length + 4;
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([^']*)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\} *\n");

    private Npy() {}

    public static void write(OutputStream out, Tensor t) throws IOException {
        StringBuilder header = new StringBuilder("{'descr': '").append(descr(t.dtype()))
                .append("', 'fortran_order': False, 'shape': ").append(tuple(t.shape())).append(", }");
        int padded = (PREAMBLE + header.length() + 1 + 63) / 64 * 64 - PREAMBLE;
        header.append(" ".repeat(padded - header.length() - 1)).append('\n');
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) padded, (byte) (padded >>> 8)});
        out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(data(t).array());
    }

    /** Reads one array at the buffer's position and advances past it; a malformed array is an IOException. */
    public static Tensor read(ByteBuffer in) throws IOException {
        in.order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new IOException("an array does not start with the .npy magic");
            int major = in.get(), minor = in.get();
            if (major != 1 || minor != 0) throw new IOException("unsupported .npy version " + major + "." + minor);
            int length = Short.toUnsignedInt(in.getShort());
            byte[] text = new byte[length];
            in.get(text);
            Matcher m = HEADER.matcher(new String(text, StandardCharsets.US_ASCII));
            if (!m.matches()) throw new IOException("malformed .npy header");
            if (m.group(2).equals("True")) throw new IOException("Fortran-ordered arrays are not supported");
            DType dtype = dtype(m.group(1));
            long[] shape = shape(m.group(3));
            // checked before allocating, so a corrupt shape cannot ask for gigabytes
            if (bytes(shape, dtype) > in.remaining()) throw new IOException("an array ends early");
            return elements(in, dtype, shape);
        } catch (BufferUnderflowException | NumberFormatException | ArithmeticException e) {
            throw new IOException("an array ends early or has a malformed shape");
        }
    }

    private static String descr(DType t) {
        return switch (t) {
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case UINT8 -> "|u1";
            case BOOL -> "|b1";
        };
    }

    private static DType dtype(String descr) throws IOException {
        for (DType t : DType.values()) if (descr(t).equals(descr)) return t;
        throw new IOException("unsupported .npy element type '" + descr + "'");
    }

    /** Python's repr of a shape tuple: (), (5,), (2, 3). */
    private static String tuple(long[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        return "(" + String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList()) + ")";
    }

    private static long[] shape(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    private static int itemSize(DType t) {
        return switch (t) {
            case FLOAT64, INT64 -> 8;
            case FLOAT32, INT32 -> 4;
            case UINT8, BOOL -> 1;
        };
    }

    private static long bytes(long[] shape, DType t) {
        long n = itemSize(t);
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    private static ByteBuffer data(Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(bytes(t.shape(), t.dtype()))).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32 -> { for (double v : t.doubles()) b.putFloat((float) v); }
            case FLOAT64 -> { for (double v : t.doubles()) b.putDouble(v); }
            case INT32 -> { for (long v : t.longs()) b.putInt((int) v); }
            case INT64 -> { for (long v : t.longs()) b.putLong(v); }
            case UINT8 -> { for (long v : t.longs()) b.put((byte) v); }
            case BOOL -> { for (boolean v : t.booleans()) b.put((byte) (v ? 1 : 0)); }
        }
        return b;
    }

    private static Tensor elements(ByteBuffer in, DType dtype, long[] shape) {
        int n = (int) (bytes(shape, dtype) / itemSize(dtype));
        switch (dtype) {
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = in.getFloat();
                return Tensor.ofFloats(shape, v);
            }
            case FLOAT64 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = in.getDouble();
                return Tensor.ofDoubles(shape, v, dtype);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = in.get() != 0;
                return Tensor.ofBooleans(shape, v);
            }
            default -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (dtype) {
                        case INT32 -> in.getInt();
                        case INT64 -> in.getLong();
                        default -> Byte.toUnsignedLong(in.get());
                    };
                }
                return Tensor.ofLongs(shape, v, dtype);
            }
        }
    }
}
