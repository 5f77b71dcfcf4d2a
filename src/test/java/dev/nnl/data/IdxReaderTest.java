package dev.nnl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files the test writes itself (every type code, raw and gzip, damaged ones), and MNIST when it is present. */
class IdxReaderTest {
    /** Where the shared data sets live next to the repository; absent on a fresh clone. */
    static final Path MNIST = Path.of(System.getProperty("nnl.root", ".")).resolve("../shared/data/mnist");

    @TempDir
    Path dir;

    /** An IDX file: the header for {@code code} and {@code dims}, then {@code data} as it is. */
    private static byte[] idx(int code, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) code).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        return b.put(data).array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private Tensor read(byte[] bytes) throws IOException {
        return IdxReader.read(Files.write(dir.resolve("data.idx"), bytes));
    }

    private String error(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("bad.idx"), bytes);
        String message = assertThrows(NnlError.class, () -> IdxReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()), message);
        return message;
    }

    @Test
    void uint8StaysUint8() throws IOException {
        Tensor t = read(idx(0x08, new int[] {2, 3}, new byte[] {0, 1, 2, 127, (byte) 128, (byte) 255}));
        assertEquals(DType.UINT8, t.dtype());
        assertArrayEquals(new long[] {2, 3}, t.shape());
        assertArrayEquals(new long[] {0, 1, 2, 127, 128, 255}, t.longs());
    }

    @Test
    void signedIntegersWidenToInt32() throws IOException {
        Tensor int8 = read(idx(0x09, new int[] {3}, new byte[] {-128, -1, 127}));
        assertEquals(DType.INT32, int8.dtype());
        assertArrayEquals(new long[] {-128, -1, 127}, int8.longs());
        Tensor int16 = read(idx(0x0B, new int[] {2}, ByteBuffer.allocate(4).putShort((short) -300).putShort((short) 32767).array()));
        assertEquals(DType.INT32, int16.dtype());
        assertArrayEquals(new long[] {-300, 32767}, int16.longs());
        Tensor int32 = read(idx(0x0C, new int[] {1, 2}, ByteBuffer.allocate(8).putInt(-70000).putInt(Integer.MAX_VALUE).array()));
        assertEquals(DType.INT32, int32.dtype());
        assertArrayEquals(new long[] {1, 2}, int32.shape());
        assertArrayEquals(new long[] {-70000, Integer.MAX_VALUE}, int32.longs());
    }

    @Test
    void floatsKeepTheirWidth() throws IOException {
        Tensor f32 = read(idx(0x0D, new int[] {2}, ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-0.1f).array()));
        assertEquals(DType.FLOAT32, f32.dtype());
        assertArrayEquals(new double[] {1.5, -0.1f}, f32.doubles());
        Tensor f64 = read(idx(0x0E, new int[] {1, 1, 2}, ByteBuffer.allocate(16).putDouble(Math.PI).putDouble(-1e300).array()));
        assertEquals(DType.FLOAT64, f64.dtype());
        assertArrayEquals(new long[] {1, 1, 2}, f64.shape());
        assertArrayEquals(new double[] {Math.PI, -1e300}, f64.doubles());
    }

    @Test
    void gzipIsDetectedByItsMagic() throws IOException {
        byte[] raw = idx(0x0C, new int[] {3}, ByteBuffer.allocate(12).putInt(7).putInt(8).putInt(9).array());
        assertArrayEquals(new long[] {7, 8, 9}, read(gzip(raw)).longs());
    }

    @Test
    void truncatedDataIsAnErrorNotAShorterArray() throws IOException {
        String m = error(idx(0x08, new int[] {2, 3}, new byte[5]));
        assertTrue(m.contains("truncated: the header promises shape [2, 3] of 1-byte elements = 6 data bytes, the file has 5"), m);
        String gz = error(gzip(idx(0x0D, new int[] {4}, new byte[15])));
        assertTrue(gz.contains("truncated") && gz.contains("16 data bytes, the file has 15"), gz);
    }

    @Test
    void truncatedGzipStreamIsAnError() throws IOException {
        byte[] gz = gzip(idx(0x08, new int[] {100}, new byte[100]));
        String m = error(Arrays.copyOf(gz, gz.length - 10));
        assertTrue(m.contains("truncated or corrupt gzip data"), m);
    }

    @Test
    void extraBytesAreAnError() throws IOException {
        String m = error(idx(0x08, new int[] {2}, new byte[3]));
        assertTrue(m.contains("trailing data: the header promises shape [2] of 1-byte elements = 2 data bytes, the file has 3"), m);
    }

    @Test
    void badMagicAndTypeCode() throws IOException {
        byte[] bytes = idx(0x08, new int[] {1}, new byte[1]);
        bytes[1] = 8;
        assertTrue(error(bytes).contains("bad magic number 0x0008 (an IDX file starts with 0x0000)"));
        assertTrue(error(idx(0x0A, new int[] {1}, new byte[1])).contains("unknown type code 0x0A"));
        assertTrue(error(new byte[] {0, 0}).contains("the file has 2 bytes, less than the 4-byte IDX header"));
    }

    @Test
    void wrongDimensions() throws IOException {
        assertTrue(error(idx(0x08, new int[0], new byte[1])).contains("the header declares 0 dimensions"));
        String cut = error(Arrays.copyOf(idx(0x08, new int[] {1, 1, 1}, new byte[0]), 10));
        assertTrue(cut.contains("truncated header: 3 dimensions need 16 header bytes, the file has 10"), cut);
        assertTrue(error(idx(0x08, new int[] {-5}, new byte[0])).contains("dimension 0 has a negative size -5"));
        String huge = error(idx(0x0E, new int[] {1 << 30, 1 << 30, 1 << 30}, new byte[8]));
        assertTrue(huge.contains("more than 2^63 data bytes, the file has 8"), huge);
        // a dimension too many: the sizes promise more than the data
        assertTrue(error(idx(0x08, new int[] {2, 2}, new byte[2])).contains("truncated"));
    }

    @Test
    void mnistTestSetWhenPresent() {
        Path labels = MNIST.resolve("t10k-labels-idx1-ubyte.gz");
        Path images = MNIST.resolve("t10k-images-idx3-ubyte.gz");
        assumeTrue(Files.exists(labels) && Files.exists(images), "MNIST is not in " + MNIST);
        Tensor l = IdxReader.read(labels);
        assertEquals(DType.UINT8, l.dtype());
        assertArrayEquals(new long[] {10000}, l.shape());
        assertArrayEquals(new long[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(l.longs(), 10));
        Tensor i = IdxReader.read(images);
        assertEquals(DType.UINT8, i.dtype());
        assertArrayEquals(new long[] {10000, 28, 28}, i.shape());
    }
}
