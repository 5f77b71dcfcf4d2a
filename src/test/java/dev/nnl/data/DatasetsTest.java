package dev.nnl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.data.DatasetStore.Found;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlTuple;
import dev.nnl.io.Npz;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Keras-shaped data sets from small files in their real formats, which the test writes, and the bundled iris. */
class DatasetsTest {
    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes; gzip-compressed when the name ends with .gz. */
    private Path idx(String name, int[] dims, int seed) throws IOException {
        int n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + n).put(new byte[] {0, 0, 8, (byte) dims.length});
        for (int d : dims) b.putInt(d);
        for (int i = 0; i < n; i++) b.put((byte) (seed + i));
        byte[] bytes = b.array();
        if (name.endsWith(".gz")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(bytes);
            }
            bytes = out.toByteArray();
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static Tensor at(NnlTuple t, int split, int part) {
        return (Tensor) ((NnlTuple) t.items().get(split)).items().get(part);
    }

    @Test
    void mnistShapedFromIdxFilesRawOrGzip() throws IOException {
        idx("train-images-idx3-ubyte.gz", new int[] {3, 28, 28}, 0);
        idx("train-labels-idx1-ubyte", new int[] {3}, 5);
        idx("t10k-images-idx3-ubyte.gz", new int[] {2, 28, 28}, 1);
        idx("t10k-labels-idx1-ubyte.gz", new int[] {2}, 7);
        NnlTuple data = Datasets.mnistLike(new Found(dir, Datasets.FASHION_MNIST.layouts().get(0)));
        assertArrayEquals(new long[] {3, 28, 28}, at(data, 0, 0).shape());
        assertEquals(DType.UINT8, at(data, 0, 0).dtype());
        assertArrayEquals(new long[] {5, 6, 7}, at(data, 0, 1).longs());
        assertEquals(DType.UINT8, at(data, 0, 1).dtype());
        assertArrayEquals(new long[] {2, 28, 28}, at(data, 1, 0).shape());
        assertArrayEquals(new long[] {7, 8}, at(data, 1, 1).longs());
    }

    @Test
    void imagesAndLabelsMustAgree() throws IOException {
        Path images = idx("train-images-idx3-ubyte.gz", new int[] {3, 28, 28}, 0);
        Path labels = idx("train-labels-idx1-ubyte.gz", new int[] {2}, 0);
        idx("t10k-images-idx3-ubyte.gz", new int[] {2, 28, 28}, 1);
        idx("t10k-labels-idx1-ubyte.gz", new int[] {2}, 7);
        String m = assertThrows(NnlError.class, () -> Datasets.mnistLike(new Found(dir, Datasets.MNIST.layouts().get(1)))).getMessage();
        assertEquals("images and labels do not match in " + images + " and " + labels + ": images are uint8 [3, 28, 28]"
                + " (expected uint8 [N, height, width]), labels uint8 [2] (expected uint8 [N])", m);
    }

    @Test
    void truncatedImagesFileNamesItself() throws IOException {
        Path images = idx("train-images-idx3-ubyte.gz", new int[] {3, 28, 28}, 0);
        byte[] whole = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte.gz"));
        idx("train-labels-idx1-ubyte.gz", new int[] {3}, 0);
        idx("t10k-images-idx3-ubyte.gz", new int[] {2, 28, 28}, 1);
        idx("t10k-labels-idx1-ubyte.gz", new int[] {2}, 7);
        // a download cut off in the middle of the gzip stream
        Files.write(images, Arrays.copyOf(whole, whole.length / 2));
        String m = assertThrows(NnlError.class, () -> Datasets.mnistLike(new Found(dir, Datasets.MNIST.layouts().get(1)))).getMessage();
        assertTrue(m.startsWith("not a valid IDX file: " + images + ": truncated or corrupt gzip data"), m);
    }

    @Test
    void mnistShapedFromKerasNpz() {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("x_test", Tensor.ofUint8(new long[] {1, 28, 28}, new byte[784]));
        arrays.put("x_train", Tensor.ofUint8(new long[] {2, 28, 28}, new byte[2 * 784]));
        arrays.put("y_train", Tensor.ofUint8(new long[] {2}, new byte[] {5, 0}));
        arrays.put("y_test", Tensor.ofUint8(new long[] {1}, new byte[] {7}));
        Npz.write(dir.resolve("mnist.npz"), arrays, true);
        NnlTuple data = Datasets.mnistLike(new Found(dir, Datasets.MNIST.layouts().get(0)));
        assertArrayEquals(new long[] {2, 28, 28}, at(data, 0, 0).shape());
        assertArrayEquals(new long[] {5, 0}, at(data, 0, 1).longs());
        assertArrayEquals(new long[] {7}, at(data, 1, 1).longs());
        arrays.remove("y_test");
        Npz.write(dir.resolve("mnist.npz"), arrays, false);
        String m = assertThrows(NnlError.class, () -> Datasets.mnistLike(new Found(dir, Datasets.MNIST.layouts().get(0)))).getMessage();
        assertTrue(m.startsWith("not a valid mnist.npz: " + dir.resolve("mnist.npz") + ": it has no array y_test"), m);
    }

    /** A CIFAR-10 binary batch: record r has label (first + r) % 10 and pixel bytes channel*100 + r + position. */
    private Path cifar(String name, int records, int first) throws IOException {
        byte[] bytes = new byte[records * CifarReader.RECORD];
        for (int r = 0; r < records; r++) {
            bytes[r * CifarReader.RECORD] = (byte) ((first + r) % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) bytes[r * CifarReader.RECORD + 1 + c * 1024 + p] = (byte) (c * 100 + r + p);
            }
        }
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void cifar10ShapedLikeKeras() throws IOException {
        for (int i = 1; i <= 5; i++) cifar("data_batch_" + i + ".bin", 2, 2 * i);
        cifar("test_batch.bin", 1, 9);
        NnlTuple data = Datasets.cifar10(new Found(dir, Datasets.CIFAR10.layouts().get(0)));
        Tensor x = at(data, 0, 0);
        assertEquals(DType.UINT8, x.dtype());
        assertArrayEquals(new long[] {10, 32, 32, 3}, x.shape());
        assertArrayEquals(new long[] {10, 1}, at(data, 0, 1).shape());
        assertArrayEquals(new long[] {2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, at(data, 0, 1).longs());
        // image 3 is record 1 of the second batch: channels last, pixel (row 1, column 2) is position 34
        byte[] pixels = x.bytes();
        int at = ((3 * 32 + 1) * 32 + 2) * 3;
        assertEquals((byte) 35, pixels[at]);
        assertEquals((byte) 135, pixels[at + 1]);
        assertEquals((byte) 235, pixels[at + 2]);
        assertArrayEquals(new long[] {1, 32, 32, 3}, at(data, 1, 0).shape());
        assertArrayEquals(new long[] {9}, at(data, 1, 1).longs());
    }

    @Test
    void damagedCifarBatchesAreErrors() throws IOException {
        Path cut = cifar("data_batch_1.bin", 2, 0);
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
        String m = assertThrows(NnlError.class, () -> CifarReader.read(List.of(cut))).getMessage();
        assertEquals("not a valid CIFAR-10 batch: " + cut + ": 6046 bytes is not a whole number of 3073-byte records"
                + " (a label byte and 32x32x3 pixels): the file is truncated or not a CIFAR-10 binary batch", m);
        whole[CifarReader.RECORD] = 42;
        Files.write(cut, whole);
        assertEquals("not a valid CIFAR-10 batch: " + cut + ": record 1 has label 42, but the labels are 0-9",
                assertThrows(NnlError.class, () -> CifarReader.read(List.of(cut))).getMessage());
        Path missing = dir.resolve("test_batch.bin");
        assertEquals("cannot read " + missing + ": no such file",
                assertThrows(NnlError.class, () -> CifarReader.read(List.of(missing))).getMessage());
    }

    @Test
    void irisAsScikitLearnGivesIt() {
        NnlTuple iris = Datasets.iris();
        Tensor data = (Tensor) iris.items().get(0);
        Tensor target = (Tensor) iris.items().get(1);
        assertEquals(DType.FLOAT64, data.dtype());
        assertArrayEquals(new long[] {150, 4}, data.shape());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, Arrays.copyOf(data.doubles(), 4));
        assertArrayEquals(new double[] {5.9, 3.0, 5.1, 1.8}, Arrays.copyOfRange(data.doubles(), 596, 600));
        assertEquals(DType.INT64, target.dtype());
        long[] counts = new long[3];
        for (long t : target.longs()) counts[(int) t]++;
        assertArrayEquals(new long[] {50, 50, 50}, counts);
    }
}
