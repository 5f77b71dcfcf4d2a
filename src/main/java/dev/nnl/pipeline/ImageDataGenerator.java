package dev.nnl.pipeline;

import dev.nnl.interp.NnlError;
import dev.nnl.rng.RandomState;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;

/**
 * Keras's ImageDataGenerator: random rotations, shifts, zooms and flips of pictures [N, H, W, C] (channels last),
 * then rescaling. The random draws follow Keras's {@code get_random_transform} in order and kind (numpy's
 * uniform, choice and random), from a numpy RandomState the caller gives.
 */
public final class ImageDataGenerator {
    /** A shift range: a fraction of the side when below 1, else pixels; an integer range picks whole pixels. */
    public record Shift(double range, boolean whole) {
        /** Keras's draw: a float range uniformly in (−range, range), an int range as choice(range) · choice([−1, 1]). */
        double draw(RandomState random, int side) {
            if (range == 0) return 0;
            double t = whole ? random.randint(0, (long) range) * (random.randint(0, 2) == 0 ? -1 : 1) : random.uniform(-range, range);
            return range < 1 ? t * side : t;
        }
    }

    private final double rescale;
    private final double rotationRange;
    private final Shift widthShift;
    private final Shift heightShift;
    private final double zoomLow;
    private final double zoomHigh;
    private final boolean horizontalFlip;
    private final boolean verticalFlip;
    private final Long seed;

    /** {@code rescale} 0 leaves values as they are (Keras's None); {@code seed} null lets flows use the session's stream. */
    public ImageDataGenerator(double rescale, double rotationRange, Shift widthShift, Shift heightShift, double zoomLow,
                              double zoomHigh, boolean horizontalFlip, boolean verticalFlip, Long seed) {
        if (rotationRange < 0) throw new NnlError("image_data_generator: rotation_range must not be negative, got " + rotationRange);
        if (widthShift.range() < 0 || heightShift.range() < 0) throw new NnlError("image_data_generator: shift ranges must not be negative");
        if (zoomLow > zoomHigh || zoomLow < 0) {
            throw new NnlError("image_data_generator: zoom_range must be a number in [0, 1) or a pair (low, high) with 0 <= low <= high");
        }
        this.rescale = rescale;
        this.rotationRange = rotationRange;
        this.widthShift = widthShift;
        this.heightShift = heightShift;
        this.zoomLow = zoomLow;
        this.zoomHigh = zoomHigh;
        this.horizontalFlip = horizontalFlip;
        this.verticalFlip = verticalFlip;
        this.seed = seed;
    }

    /** The seed flows use when they are given none. */
    public Long seed() { return seed; }

    /** Keras's get_random_transform for a picture of h rows and w columns; only the enabled draws happen, flips always draw. */
    public ImageTransform randomTransform(RandomState random, int h, int w) {
        double theta = rotationRange == 0 ? 0 : random.uniform(-rotationRange, rotationRange);
        double tx = heightShift.draw(random, h);
        double ty = widthShift.draw(random, w);
        double zx = 1;
        double zy = 1;
        if (zoomLow != 1 || zoomHigh != 1) {
            zx = random.uniform(zoomLow, zoomHigh);
            zy = random.uniform(zoomLow, zoomHigh);
        }
        boolean flipH = random.rand() < 0.5 && horizontalFlip;
        boolean flipV = random.rand() < 0.5 && verticalFlip;
        return new ImageTransform(theta, tx, ty, zx, zy, flipH, flipV);
    }

    /** Keras's standardize for these options: values multiplied by rescale (in float32), in place. */
    public void standardize(float[] image) {
        if (rescale == 0) return;
        float factor = (float) rescale;
        for (int i = 0; i < image.length; i++) image[i] *= factor;
    }

    /** Keras's fit: these options need no statistics of the data, so it only checks that x is a batch of pictures. */
    public void fit(Tensor x) {
        requirePictures(x, "fit");
    }

    /** The batch of pictures [N, H, W, C] Keras requires, or an error showing how to make one. */
    static void requirePictures(Tensor x, String what) {
        if (x.rank() != 4) {
            long[] s = x.shape();
            String hint = s.length == 3 ? "add the channel axis: reshape(x, [" + s[0] + ", " + s[1] + ", " + s[2] + ", 1])"
                    : "give pictures as [count, height, width, channels]";
            throw new NnlError(what + " takes pictures of rank 4 [count, height, width, channels], got shape " + Shapes.show(s), hint);
        }
    }
}
