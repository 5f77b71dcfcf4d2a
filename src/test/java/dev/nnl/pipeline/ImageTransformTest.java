package dev.nnl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The geometry of augmentation: flips and whole-pixel shifts by hand, and a rotation with a fractional shift and a
 * zoom against what Keras 2's apply_affine_transform (scipy 1.17's affine_transform, order 1, mode "nearest") makes
 * of the same picture.
 */
class ImageTransformTest {
    /** A 5x6 gray picture whose pixel (r, c) is 6r + c. */
    private static float[] picture() {
        float[] p = new float[30];
        for (int i = 0; i < 30; i++) p[i] = i;
        return p;
    }

    private static ImageTransform shift(double tx, double ty) {
        return new ImageTransform(0, tx, ty, 1, 1, false, false);
    }

    @Test
    void horizontalFlipReversesEachRow() {
        float[] out = new ImageTransform(0, 0, 0, 1, 1, true, false).apply(picture(), 5, 6, 1);
        assertArrayEquals(new float[] {5, 4, 3, 2, 1, 0}, java.util.Arrays.copyOfRange(out, 0, 6));
        assertArrayEquals(new float[] {29, 28, 27, 26, 25, 24}, java.util.Arrays.copyOfRange(out, 24, 30));
    }

    @Test
    void verticalFlipReversesTheRows() {
        float[] out = new ImageTransform(0, 0, 0, 1, 1, false, true).apply(picture(), 5, 6, 1);
        assertArrayEquals(new float[] {24, 25, 26, 27, 28, 29}, java.util.Arrays.copyOfRange(out, 0, 6));
    }

    @Test
    void aShiftOfOnePixelMovesTheContentAndRepeatsTheEdge() {
        // ty = 1: each output pixel takes the one to its right, so the picture moves left and the last column repeats
        float[] left = shift(0, 1).apply(picture(), 5, 6, 1);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 5}, java.util.Arrays.copyOfRange(left, 0, 6));
        // tx = -1: the picture moves down a row and the first row repeats
        float[] down = shift(-1, 0).apply(picture(), 5, 6, 1);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, java.util.Arrays.copyOfRange(down, 0, 6));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, java.util.Arrays.copyOfRange(down, 6, 12));
        assertArrayEquals(new float[] {18, 19, 20, 21, 22, 23}, java.util.Arrays.copyOfRange(down, 24, 30));
    }

    @Test
    void channelsMoveTogether() {
        float[] rgb = new float[2 * 2 * 3];
        for (int i = 0; i < rgb.length; i++) rgb[i] = i;
        float[] out = new ImageTransform(0, 0, 0, 1, 1, true, false).apply(rgb, 2, 2, 3);
        assertArrayEquals(new float[] {3, 4, 5, 0, 1, 2, 9, 10, 11, 6, 7, 8}, out);
    }

    @Test
    void rotationShiftAndZoomAsKeras() {
        float[] out = new ImageTransform(30, 1, -0.5, 0.8, 1.3, false, false).apply(picture(), 5, 6, 1);
        float[] keras = {
            24f, 21.975386f, 18.753624f, 15.979458f, 13.205291f, 10.431124f,
            24f, 24f, 23.310547f, 20.536379f, 17.762213f, 14.988046f,
            24f, 24.352406f, 25.478237f, 25.093302f, 22.319134f, 19.544968f,
            24f, 24.752405f, 25.878239f, 27.00407f, 26.876057f, 23.846153f,
            24.026571f, 25.152405f, 26.278238f, 27.40407f, 28.529903f, 28.003075f};
        for (int i = 0; i < out.length; i++) assertEquals(keras[i], out[i], 2e-6f * Math.abs(keras[i]), "pixel " + i);
    }

    @Test
    void theNeutralTransformCopies() {
        float[] in = picture();
        float[] out = shift(0, 0).apply(in, 5, 6, 1);
        assertArrayEquals(in, out);
        out[0] = 99;
        assertEquals(0, in[0]);
    }
}
