package dev.nnl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnl.data.ImageOps.Filter;
import dev.nnl.interp.NnlError;
import dev.nnl.io.Npz;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grayscale and resizing give exactly Pillow's pixels: pillow_reference.npz holds what Pillow 9.4 made of the
 * 9x7 picture below (its resize((w, h), filter) and convert('L')).
 */
class ImageOpsTest {
    static Map<String, Tensor> pillow;

    @BeforeAll
    static void reference() throws Exception {
        pillow = Npz.read(Path.of(ImageOpsTest.class.getResource("pillow_reference.npz").toURI()));
    }

    /** A 7x9 RGBA picture with varied colours and alpha. */
    static Tensor picture(int channels) {
        int h = 7, w = 9;
        byte[] p = new byte[h * w * channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] rgba = {(x * 37 + y * 11) % 256, (x * 5 + y * 53) % 256, (x * x + y * y * 3) % 256, (x * 29 + y * 17) % 256};
                for (int c = 0; c < channels; c++) p[(y * w + x) * channels + c] = (byte) rgba[c];
            }
        }
        return Tensor.ofUint8(new long[] {h, w, channels}, p);
    }

    private static void same(String key, Tensor actual) {
        Tensor expected = pillow.get(key);
        assertArrayEquals(expected.shape(), actual.shape(), key);
        assertArrayEquals(expected.longs(), actual.longs(), key);
    }

    @Test
    void everyFilterShrinksAsPillowDoes() {
        for (String name : new String[] {"nearest", "bilinear", "bicubic", "lanczos"}) {
            same("rgb_4x3_" + name, ImageOps.resize(picture(3), 3, 4, Filter.named(name)));
        }
    }

    @Test
    void enlargingAndAlpha() {
        same("rgb_11x13_bicubic", ImageOps.resize(picture(3), 13, 11, Filter.BICUBIC));
        same("rgba_4x3_lanczos", ImageOps.resize(picture(4), 3, 4, Filter.named("antialias")));
    }

    @Test
    void grayscaleIsPillowsLuma() {
        same("gray", ImageOps.grayscale(picture(3)));
        same("gray", ImageOps.grayscale(picture(4)));
        Tensor gray = ImageOps.grayscale(picture(3));
        assertSame(gray, ImageOps.grayscale(gray));
    }

    @Test
    void grayPicturesResizeToo() {
        Tensor gray = ImageOps.grayscale(picture(3));
        Tensor small = ImageOps.resize(gray, 3, 4, Filter.BILINEAR);
        assertArrayEquals(new long[] {3, 4}, small.shape());
        assertEquals(DType.UINT8, small.dtype());
        assertArrayEquals(gray.longs(), ImageOps.resize(gray, 7, 9, Filter.LANCZOS).longs(), "the same size is a copy");
    }

    @Test
    void badInputsAreErrors() {
        Tensor floats = Tensor.ofFloats(new long[] {2, 2}, new float[4]);
        assertEquals("an image must be a uint8 tensor [height, width] or [height, width, channels], got float32 [2, 2]",
                assertThrows(NnlError.class, () -> ImageOps.grayscale(floats)).getMessage());
        assertEquals("unknown resample filter 'cubic'", assertThrows(NnlError.class, () -> Filter.named("cubic")).getMessage());
        assertEquals("an image size must be positive, got 0x3",
                assertThrows(NnlError.class, () -> ImageOps.resize(picture(3), 0, 3, Filter.BICUBIC)).getMessage());
    }
}
