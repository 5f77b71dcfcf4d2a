package dev.nnl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy and .npz: files numpy wrote (src/test/resources/dev/nnl/io), round trips, and damaged files. */
class NpyTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpyTest.class.getResource(name).toURI());
    }

    private static Tensor load(String name) throws Exception {
        return Npy.read(ByteBuffer.wrap(Files.readAllBytes(fixture(name))));
    }

    @Test
    void readsWhatNumpyWrites() throws Exception {
        Tensor f4 = load("f4_2x3.npy");
        assertEquals(DType.FLOAT32, f4.dtype());
        assertArrayEquals(new long[] {2, 3}, f4.shape());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}, f4.doubles());
        Tensor scalar = load("f8_scalar.npy");
        assertEquals(DType.FLOAT64, scalar.dtype());
        assertEquals(0, scalar.rank());
        assertEquals(3.25, scalar.doubles()[0]);
        Tensor u1 = load("u1.npy");
        assertEquals(DType.UINT8, u1.dtype());
        assertArrayEquals(new long[] {0, 255, 128, 7}, u1.longs());
        Tensor b1 = load("b1.npy");
        assertEquals(DType.BOOL, b1.dtype());
        assertArrayEquals(new boolean[] {true, false, true}, b1.booleans());
    }

    @Test
    void bigEndianAndFortranOrder() throws Exception {
        Tensor big = load("i4_big_endian.npy");
        assertEquals(DType.INT32, big.dtype());
        assertArrayEquals(new long[] {1, -2, 300}, big.longs());
        Tensor fortran = load("i8_fortran.npy");
        assertEquals(DType.INT64, fortran.dtype());
        assertArrayEquals(new long[] {2, 3}, fortran.shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, fortran.longs());
    }

    @Test
    void versionsTwoAndThree() throws Exception {
        for (String name : List.of("v2.npy", "v3.npy")) {
            Tensor t = load(name);
            assertArrayEquals(new long[] {1, 2}, t.shape(), name);
            assertArrayEquals(new double[] {1.5, -2.0}, t.doubles(), name);
        }
    }

    @Test
    void unsupportedTypeNamesTheType() {
        IOException e = assertThrows(IOException.class, () -> load("f2.npy"));
        assertTrue(e.getMessage().contains("unsupported .npy element type '<f2'"), e.getMessage());
    }

    @Test
    void roundTripOfEveryDtype() throws IOException {
        List<Tensor> arrays = List.of(
                Tensor.ofFloats(new long[] {2, 2}, new float[] {1.5f, -0f, Float.NaN, 3e-8f}),
                Tensor.ofDoubles(new long[] {3}, new double[] {Math.PI, -1e300, 0}, DType.FLOAT64),
                Tensor.ofLongs(new long[] {1, 3}, new long[] {-5, 0, Integer.MAX_VALUE}, DType.INT32),
                Tensor.ofLongs(new long[] {2}, new long[] {Long.MIN_VALUE, 7}, DType.INT64),
                Tensor.ofUint8(new long[] {2, 1, 2}, new byte[] {0, -1, 127, -128}),
                Tensor.ofBooleans(new long[0], new boolean[] {true}));
        for (Tensor t : arrays) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npy.write(out, t);
            int itemSize = switch (t.dtype()) {
                case FLOAT64, INT64 -> 8;
                case FLOAT32, INT32 -> 4;
                case UINT8, BOOL -> 1;
            };
            assertEquals(0, (out.size() - t.size() * itemSize) % 64, "the data starts at a multiple of 64 bytes");
            ByteBuffer in = ByteBuffer.wrap(out.toByteArray());
            Tensor back = Npy.read(in);
            assertFalse(in.hasRemaining());
            assertEquals(t.dtype(), back.dtype());
            assertArrayEquals(t.shape(), back.shape());
            assertEquals(Arrays.toString(t.doubles()), Arrays.toString(back.doubles()));
        }
    }

    @Test
    void largeUint8ArraysStayBytes() throws IOException {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        Tensor t = Tensor.ofUint8(new long[] {100, 3000}, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, t);
        Tensor back = Npy.read(ByteBuffer.wrap(out.toByteArray()));
        assertEquals(DType.UINT8, back.dtype());
        assertArrayEquals(data, back.bytes());
    }

    @Test
    void damagedArraysAreErrors() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, Tensor.ofDoubles(new long[] {4}, new double[] {1, 2, 3, 4}, DType.FLOAT64));
        byte[] whole = out.toByteArray();
        IOException cut = assertThrows(IOException.class, () -> Npy.read(ByteBuffer.wrap(Arrays.copyOf(whole, whole.length - 3))));
        assertTrue(cut.getMessage().contains("truncated: the header promises shape (4,) of float64 = 32 data bytes, 29 follow"), cut.getMessage());
        IOException header = assertThrows(IOException.class, () -> Npy.read(ByteBuffer.wrap(Arrays.copyOf(whole, 40))));
        assertTrue(header.getMessage().contains("header ends early"), header.getMessage());
        byte[] version = whole.clone();
        version[6] = 4;
        assertTrue(assertThrows(IOException.class, () -> Npy.read(ByteBuffer.wrap(version))).getMessage().contains("unsupported .npy version 4.0"));
        IOException zip = assertThrows(IOException.class, () -> Npy.read(ByteBuffer.wrap(Files.readAllBytes(fixture("arrays.npz")))));
        assertTrue(zip.getMessage().contains("zip archive (an .npz file)"), zip.getMessage());
    }

    @Test
    void npzWrittenByNumpy() throws Exception {
        Map<String, Tensor> plain = Npz.read(fixture("arrays.npz"));
        assertEquals(List.of("x", "y"), List.copyOf(plain.keySet()));
        assertArrayEquals(new long[] {1, 2, 3}, plain.get("x").longs());
        assertArrayEquals(new double[] {1, 0, 0, 1}, plain.get("y").doubles());
        Map<String, Tensor> compressed = Npz.read(fixture("compressed.npz"));
        assertEquals(DType.UINT8, compressed.get("images").dtype());
        assertArrayEquals(new long[] {2, 3, 4}, compressed.get("images").shape());
        assertArrayEquals(new long[] {5, 0}, compressed.get("labels").longs());
    }

    @Test
    void npzRoundTripStoredAndDeflated() {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("w", Tensor.ofFloats(new long[] {2}, new float[] {0.5f, -1}));
        arrays.put("labels", Tensor.ofUint8(new long[] {3}, new byte[] {1, 2, 3}));
        for (boolean compressed : new boolean[] {false, true}) {
            Path file = dir.resolve("a" + compressed + ".npz");
            Npz.write(file, arrays, compressed);
            Map<String, Tensor> back = Npz.read(file);
            assertEquals(arrays.keySet(), back.keySet());
            assertArrayEquals(new double[] {0.5, -1}, back.get("w").doubles());
            assertArrayEquals(new long[] {1, 2, 3}, back.get("labels").longs());
        }
    }

    @Test
    void damagedNpzNamesFileAndEntry() throws Exception {
        Path notZip = Files.writeString(dir.resolve("x.npz"), "not a zip");
        String m = assertThrows(NnlError.class, () -> Npz.read(notZip)).getMessage();
        assertTrue(m.startsWith("not a valid .npz file: " + notZip + ": it is not a zip archive"), m);
        byte[] zip = Files.readAllBytes(fixture("compressed.npz"));
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(zip, zip.length / 2));
        String c = assertThrows(NnlError.class, () -> Npz.read(cut)).getMessage();
        assertTrue(c.startsWith("not a valid .npz file: " + cut), c);
        Path missing = dir.resolve("nope.npz");
        assertEquals("cannot read " + missing + ": no such file", assertThrows(NnlError.class, () -> Npz.read(missing)).getMessage());
    }
}
