package dev.nnl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures to tensors and back in each format, and the errors for damaged or unsuitable ones. */
class ImagesTest {
    @TempDir
    Path dir;

    private static Tensor pattern(int h, int w, int channels) {
        byte[] p = new byte[h * w * channels];
        for (int i = 0; i < p.length; i++) p[i] = (byte) (i * 7 + i / 5);
        return Tensor.ofUint8(channels == 1 ? new long[] {h, w} : new long[] {h, w, channels}, p);
    }

    @Test
    void pngAndBmpKeepEveryPixel() {
        for (String name : new String[] {"gray.png", "rgb.png", "rgba.png", "rgb.bmp", "gray.bmp"}) {
            int channels = name.startsWith("gray") ? 1 : name.startsWith("rgba") ? 4 : 3;
            Tensor t = pattern(5, 6, channels);
            Path file = dir.resolve(name);
            Images.write(file, t);
            Tensor back = Images.read(file);
            assertEquals(DType.UINT8, back.dtype(), name);
            assertArrayEquals(t.shape(), back.shape(), name);
            assertArrayEquals(t.bytes(), back.bytes(), name);
        }
    }

    @Test
    void jpegIsLossyButClose() {
        byte[] flat = new byte[16 * 16 * 3];
        Arrays.fill(flat, (byte) 200);
        Path file = dir.resolve("flat.jpg");
        Images.write(file, Tensor.ofUint8(new long[] {16, 16, 3}, flat));
        Tensor back = Images.read(file);
        assertArrayEquals(new long[] {16, 16, 3}, back.shape());
        for (long v : back.longs()) assertTrue(Math.abs(v - 200) <= 2, "pixel " + v);
        Path single = dir.resolve("one.jpeg");
        Images.write(single, Tensor.ofUint8(new long[] {8, 8, 1}, new byte[64]));
        assertArrayEquals(new long[] {8, 8}, Images.read(single).shape(), "a gray JPEG reads as [H, W]");
    }

    @Test
    void damagedPicturesAreErrors() throws IOException {
        Path png = dir.resolve("cut.png");
        Images.write(png, pattern(40, 40, 3));
        byte[] whole = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(whole, whole.length / 2));
        assertTrue(assertThrows(NnlError.class, () -> Images.read(png)).getMessage().startsWith("cannot read the picture " + png + ": "));
        Path jpg = dir.resolve("cut.jpg");
        Images.write(jpg, pattern(64, 64, 3));
        byte[] jpeg = Files.readAllBytes(jpg);
        Files.write(jpg, Arrays.copyOf(jpeg, jpeg.length / 2));
        String m = assertThrows(NnlError.class, () -> Images.read(jpg)).getMessage();
        assertTrue(m.startsWith("cannot read the picture " + jpg + ": "), m);
        Path text = Files.writeString(dir.resolve("notes.png"), "hello");
        assertEquals("cannot read the picture " + text + ": not a PNG, JPEG, BMP or GIF picture",
                assertThrows(NnlError.class, () -> Images.read(text)).getMessage());
        Path missing = dir.resolve("missing.png");
        assertEquals("cannot read " + missing + ": no such file", assertThrows(NnlError.class, () -> Images.read(missing)).getMessage());
    }

    @Test
    void unsuitableTensorsAreNotWritten() {
        Path png = dir.resolve("x.png");
        String floats = assertThrows(NnlError.class, () -> Images.write(png, Tensor.ofFloats(new long[] {2, 2}, new float[4]))).getMessage();
        assertTrue(floats.startsWith("save_image needs a uint8 tensor [height, width] (gray)"), floats);
        assertThrows(NnlError.class, () -> Images.write(png, pattern(2, 2, 2)));
        assertEquals("JPEG has no alpha channel, but the tensor has 4 channels",
                assertThrows(NnlError.class, () -> Images.write(dir.resolve("x.jpg"), pattern(2, 2, 4))).getMessage());
        assertEquals("cannot tell the picture format of " + dir.resolve("x.tif"),
                assertThrows(NnlError.class, () -> Images.write(dir.resolve("x.tif"), pattern(2, 2, 3))).getMessage());
    }
}
