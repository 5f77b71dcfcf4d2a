package dev.nnl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlTuple;
import dev.nnl.io.Images;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-made data set: pictures the test writes and a labels file, and the errors for bad lines and pictures. */
class ImageFolderTest {
    @TempDir
    Path dir;

    private Path picture(String name, int h, int w, int value) {
        byte[] p = new byte[h * w];
        java.util.Arrays.fill(p, (byte) value);
        Path file = dir.resolve("pics").resolve(name);
        Images.write(file, Tensor.ofUint8(new long[] {h, w}, p));
        return file;
    }

    private NnlTuple read(String labels, UnaryOperator<Tensor> prepare) throws IOException {
        Path txt = Files.writeString(dir.resolve("labels.txt"), labels);
        return ImageFolder.read(dir.resolve("pics"), txt, p -> p, prepare);
    }

    @Test
    void picturesAndLabelsInTheFilesOrder() throws IOException {
        Files.createDirectories(dir.resolve("pics"));
        picture("0_5.png", 4, 3, 10);
        picture("1_0.png", 4, 3, 20);
        NnlTuple xy = read("0_5.png 5\n\n1_0.png 0\n", x -> x);
        Tensor x = (Tensor) xy.items().get(0);
        Tensor y = (Tensor) xy.items().get(1);
        assertEquals(DType.UINT8, x.dtype());
        assertArrayEquals(new long[] {2, 4, 3}, x.shape());
        assertEquals(10, x.longs()[0]);
        assertEquals(20, x.longs()[12]);
        assertEquals(DType.INT64, y.dtype());
        assertArrayEquals(new long[] {5, 0}, y.longs());
    }

    @Test
    void badLinesAndPicturesAreErrors() throws IOException {
        Files.createDirectories(dir.resolve("pics"));
        picture("a.png", 4, 3, 0);
        picture("b.png", 5, 3, 0);
        Path txt = dir.resolve("labels.txt");
        assertEquals(txt + ":2: expected '<picture file> <integer label>', got 'a.png five'",
                assertThrows(NnlError.class, () -> read("a.png 1\na.png five\n", x -> x)).getMessage());
        assertEquals("the pictures differ in size: " + dir.resolve("pics/b.png") + " is [5, 3], " + dir.resolve("pics/a.png")
                + " is [4, 3]", assertThrows(NnlError.class, () -> read("a.png 1\nb.png 2\n", x -> x)).getMessage());
        assertEquals(2, ((Tensor) read("a.png 1\nb.png 2\n", x -> ImageOps.resize(x, 2, 2, ImageOps.Filter.BICUBIC)).items().get(0)).shape()[0]);
        assertEquals("cannot read " + dir.resolve("pics/c.png") + ": no such file",
                assertThrows(NnlError.class, () -> read("c.png 1\n", x -> x)).getMessage());
        assertEquals(txt + " lists no pictures", assertThrows(NnlError.class, () -> read("\n", x -> x)).getMessage());
    }
}
