package dev.nnl.data;

import dev.nnl.interp.NnlError;
import dev.nnl.io.FileErrors;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads an IDX file (the format of the MNIST files), raw or gzip-compressed. Layout, all numbers big-endian: two zero
 * bytes, a type code (0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64), the number of
 * dimensions, one int32 size per dimension, then exactly the elements those sizes promise in C order.
 * uint8 stays uint8; int8 and int16 widen to int32, as NNL has no narrower signed types. Any deviation from the
 * layout is an error naming the file, so a damaged download never becomes a wrong array.
 */
public final class IdxReader {
    private IdxReader() {}

    public static Tensor read(Path file) {
        byte[] bytes = decompressed(file, readAll(file));
        if (bytes.length < 4) throw bad(file, "the file has " + bytes.length + " bytes, less than the 4-byte IDX header");
        if (bytes[0] != 0 || bytes[1] != 0) {
            throw bad(file, String.format("bad magic number 0x%02X%02X (an IDX file starts with 0x0000)", bytes[0], bytes[1]));
        }
        int code = bytes[2] & 0xFF;
        int elementSize = elementSize(file, code);
        int rank = bytes[3] & 0xFF;
        if (rank == 0) throw bad(file, "the header declares 0 dimensions");
        int headerSize = 4 + 4 * rank;
        if (bytes.length < headerSize) {
            throw bad(file, "truncated header: " + rank + " dimensions need " + headerSize + " header bytes, the file has " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = in.getInt(4 + 4 * i);
            if (shape[i] < 0) throw bad(file, "dimension " + i + " has a negative size " + shape[i]);
        }
        long actual = bytes.length - headerSize;
        long promised = dataBytes(shape, elementSize);
        if (actual != promised) {
            throw bad(file, (actual < promised ? "truncated" : "trailing data") + ": the header promises shape "
                    + Shapes.show(shape) + " of " + elementSize + "-byte elements = "
                    + (promised == Long.MAX_VALUE ? "more than 2^63" : Long.toString(promised))
                    + " data bytes, the file has " + actual);
        }
        in.position(headerSize);
        return new Tensor(elements(code, in, (int) (promised / elementSize)).reshape('c', shape));
    }

    /** The data size the shape promises; Long.MAX_VALUE when that overflows (a corrupt header, never a real file). */
    private static long dataBytes(long[] shape, int elementSize) {
        try {
            long n = elementSize;
            for (long d : shape) n = Math.multiplyExact(n, d);
            return n;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
    }

    /** gzip is recognised by its magic 1F 8B, which no IDX file starts with. */
    private static byte[] decompressed(Path file, byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) return bytes;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw bad(file, "truncated or corrupt gzip data (" + e.getMessage() + ")");
        }
    }

    private static int elementSize(Path file, int code) {
        return switch (code) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw bad(file, String.format("unknown type code 0x%02X (expected 08, 09, 0B, 0C, 0D or 0E)", code));
        };
    }

    private static INDArray elements(int code, ByteBuffer in, int count) {
        switch (code) {
            case 0x08, 0x09 -> {
                byte[] b = new byte[count];
                in.get(b);
                // ND4J's int8 to uint8 cast keeps the bit pattern, so 0xFF becomes 255
                return castAndFree(Nd4j.createFromArray(b), code == 0x08 ? DataType.UBYTE : DataType.INT);
            }
            case 0x0B -> {
                short[] s = new short[count];
                in.asShortBuffer().get(s);
                return castAndFree(Nd4j.createFromArray(s), DataType.INT);
            }
            case 0x0C -> {
                int[] v = new int[count];
                in.asIntBuffer().get(v);
                return Nd4j.createFromArray(v);
            }
            case 0x0D -> {
                float[] v = new float[count];
                in.asFloatBuffer().get(v);
                return Nd4j.createFromArray(v);
            }
            default -> {
                double[] v = new double[count];
                in.asDoubleBuffer().get(v);
                return Nd4j.createFromArray(v);
            }
        }
    }

    /** The cast copy; the source's native memory is freed now rather than whenever the collector runs. */
    private static INDArray castAndFree(INDArray source, DataType to) {
        INDArray cast = source.castTo(to);
        source.close();
        return cast;
    }

    private static NnlError bad(Path file, String what) {
        return new NnlError("not a valid IDX file: " + file + ": " + what);
    }
}
