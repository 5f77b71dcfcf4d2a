package dev.nnl.io;

import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeOps;
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
 * numpy's {@code .npy} encoding of one array: {@code \x93NUMPY}, the format version (major, minor), the header length
 * (little-endian uint16 in version 1, uint32 in versions 2 and 3), a header that is a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a newline so that the
 * data starts at a multiple of 64 bytes (ASCII in versions 1 and 2, UTF-8 in 3), then the elements.
 * Reads versions 1 to 3, either byte order and Fortran order; writes version 1 (2 when the header needs it),
 * little-endian, C order. Element types: f4 f8 i4 i8 u1 b1, NNL's dtypes.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([<>|=])([a-z]\\d+)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([0-9, ]*)\\)");

    private Npy() {}

    public static void write(OutputStream out, Tensor t) throws IOException {
        String dict = "{'descr': '" + descr(t.dtype()) + "', 'fortran_order': False, 'shape': " + tuple(t.shape()) + ", }";
        int version = padded(MAGIC.length + 4, dict) <= 0xFFFF ? 1 : 2;
        int preamble = MAGIC.length + 2 + (version == 1 ? 2 : 4);
        int padded = padded(preamble, dict);
        String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
        ByteBuffer lead = ByteBuffer.allocate(preamble).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) lead.putShort((short) padded);
        else lead.putInt(padded);
        out.write(lead.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(data(t).array());
    }

    /** The header's length with the padding that makes the data start at a multiple of 64 bytes. */
    private static int padded(int preamble, String dict) {
        return (preamble + dict.length() + 1 + 63) / 64 * 64 - preamble;
    }

    /** Reads one array at the buffer's position and advances past it; a malformed array is an IOException. */
    public static Tensor read(ByteBuffer in) throws IOException {
        in.order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(magic[0] == 'P' && magic[1] == 'K'
                        ? "this is a zip archive (an .npz file), not an .npy array" : "an array does not start with the .npy magic");
            }
            int major = in.get(), minor = in.get();
            if (major < 1 || major > 3 || minor != 0) throw new IOException("unsupported .npy version " + major + "." + minor);
            long length = major == 1 ? Short.toUnsignedInt(in.getShort()) : Integer.toUnsignedLong(in.getInt());
            if (length > in.remaining()) throw new IOException("the header ends early");
            byte[] text = new byte[(int) length];
            in.get(text);
            String header = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
            Matcher descr = DESCR.matcher(header);
            Matcher fortran = FORTRAN.matcher(header);
            Matcher shapeText = SHAPE.matcher(header);
            if (!header.startsWith("{") || !header.endsWith("}") || !descr.find() || !fortran.find() || !shapeText.find()) {
                throw new IOException("malformed .npy header " + header);
            }
            DType dtype = dtype(descr.group(2), descr.group(1) + descr.group(2));
            long[] shape = shape(shapeText.group(1));
            // checked before allocating, so a corrupt shape cannot ask for gigabytes
            long bytes = bytes(shape, dtype);
            if (bytes > in.remaining()) {
                throw new IOException("truncated: the header promises shape " + tuple(shape) + " of " + dtype + " = " + bytes
                        + " data bytes, " + in.remaining() + " follow");
            }
            ByteBuffer data = in.slice().limit((int) bytes).order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            in.position(in.position() + (int) bytes);
            if (fortran.group(1).equals("False")) return elements(data, dtype, shape);
            // Fortran order is C order of the reversed shape, transposed
            long[] reversed = new long[shape.length];
            int[] perm = new int[shape.length];
            for (int i = 0; i < shape.length; i++) {
                reversed[i] = shape[shape.length - 1 - i];
                perm[i] = shape.length - 1 - i;
            }
            return ShapeOps.transpose(elements(data, dtype, reversed), perm);
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

    private static DType dtype(String kind, String descr) throws IOException {
        for (DType t : DType.values()) if (descr(t).substring(1).equals(kind)) return t;
        throw new IOException("unsupported .npy element type '" + descr + "' (NNL reads f4, f8, i4, i8, u1 and b1)");
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
            case UINT8, BOOL -> b.put(t.bytes());
        }
        return b;
    }

    private static Tensor elements(ByteBuffer in, DType dtype, long[] shape) {
        int n = (int) (bytes(shape, dtype) / itemSize(dtype));
        switch (dtype) {
            case FLOAT32 -> {
                float[] v = new float[n];
                in.asFloatBuffer().get(v);
                return Tensor.ofFloats(shape, v);
            }
            case FLOAT64 -> {
                double[] v = new double[n];
                in.asDoubleBuffer().get(v);
                return Tensor.ofDoubles(shape, v, dtype);
            }
            case INT32 -> {
                int[] v = new int[n];
                in.asIntBuffer().get(v);
                return Tensor.ofLongs(shape, Arrays.stream(v).asLongStream().toArray(), dtype);
            }
            case INT64 -> {
                long[] v = new long[n];
                in.asLongBuffer().get(v);
                return Tensor.ofLongs(shape, v, dtype);
            }
            case UINT8 -> {
                byte[] v = new byte[n];
                in.get(v);
                return Tensor.ofUint8(shape, v);
            }
            default -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = in.get() != 0;
                return Tensor.ofBooleans(shape, v);
            }
        }
    }
}
