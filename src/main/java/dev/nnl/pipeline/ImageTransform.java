package dev.nnl.pipeline;

/**
 * One augmentation of one picture, as Keras's {@code apply_transform} does it: rotation by {@code theta} degrees,
 * a shift of {@code tx} rows and {@code ty} columns, zoom by {@code zx} along rows and {@code zy} along columns,
 * composed into one affine map about Keras's centre (h/2 + 0.5, w/2 + 0.5) and sampled as scipy's
 * {@code affine_transform} with linear interpolation and the nearest edge pixel outside the picture; then the flips.
 * Output pixel (r, c) takes the input at the map of (r, c), so a shift of tx = 1 moves the content up a row.
 */
public record ImageTransform(double theta, double tx, double ty, double zx, double zy, boolean flipHorizontal,
                             boolean flipVertical) {

    /**
     * The picture transformed: {@code image} holds h·w·c values, rows then columns then channels (channels last);
     * the result is new. Values are computed in double and stored as float, as scipy does for a float32 picture.
     */
    public float[] apply(float[] image, int h, int w, int c) {
        double[][] m = matrix();
        float[] out = m == null ? image.clone() : warp(image, h, w, c, centred(m, h, w));
        if (flipHorizontal) flip(out, h, w, c, false);
        if (flipVertical) flip(out, h, w, c, true);
        return out;
    }

    /** Rotation, then shift, then zoom, multiplied in Keras's order; null when the picture stays as it is. */
    private double[][] matrix() {
        double[][] m = null;
        if (theta != 0) {
            double t = Math.toRadians(theta);
            m = new double[][] {{Math.cos(t), -Math.sin(t), 0}, {Math.sin(t), Math.cos(t), 0}, {0, 0, 1}};
        }
        if (tx != 0 || ty != 0) m = times(m, new double[][] {{1, 0, tx}, {0, 1, ty}, {0, 0, 1}});
        if (zx != 1 || zy != 1) m = times(m, new double[][] {{zx, 0, 0}, {0, zy, 0}, {0, 0, 1}});
        return m;
    }

    /** Keras's transform_matrix_offset_center: the map taken about (h/2 + 0.5, w/2 + 0.5). */
    private static double[][] centred(double[][] m, int h, int w) {
        double ox = h / 2.0 + 0.5;
        double oy = w / 2.0 + 0.5;
        double[][] offset = {{1, 0, ox}, {0, 1, oy}, {0, 0, 1}};
        double[][] reset = {{1, 0, -ox}, {0, 1, -oy}, {0, 0, 1}};
        return times(times(offset, m), reset);
    }

    private static double[][] times(double[][] a, double[][] b) {
        if (a == null) return b;
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) sum += a[i][k] * b[k][j];
                out[i][j] = sum;
            }
        }
        return out;
    }

    /**
     * scipy's affine_transform, order 1, mode "nearest": the input position of each output pixel is offset + matrix ·
     * (r, c), clamped to the picture, and its value interpolated linearly between the four pixels around it.
     */
    private static float[] warp(float[] image, int h, int w, int c, double[][] m) {
        float[] out = new float[image.length];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                double inR = clamp(m[0][2] + m[0][0] * r + m[0][1] * col, h);
                double inC = clamp(m[1][2] + m[1][0] * r + m[1][1] * col, w);
                int r0 = (int) Math.floor(inR);
                int c0 = (int) Math.floor(inC);
                double fr = inR - r0;
                double fc = inC - c0;
                int r1 = Math.min(r0 + 1, h - 1);
                int c1 = Math.min(c0 + 1, w - 1);
                for (int ch = 0; ch < c; ch++) {
                    double v = image[(r0 * w + c0) * c + ch] * (1 - fr) * (1 - fc)
                            + image[(r0 * w + c1) * c + ch] * (1 - fr) * fc
                            + image[(r1 * w + c0) * c + ch] * fr * (1 - fc)
                            + image[(r1 * w + c1) * c + ch] * fr * fc;
                    out[(r * w + col) * c + ch] = (float) v;
                }
            }
        }
        return out;
    }

    private static double clamp(double position, int size) {
        return Math.max(0, Math.min(size - 1, position));
    }

    /** Reverses the columns (horizontal) or the rows (vertical) in place. */
    private static void flip(float[] image, int h, int w, int c, boolean rows) {
        int outer = rows ? w : h;
        int inner = rows ? h : w;
        for (int o = 0; o < outer; o++) {
            for (int i = 0, j = inner - 1; i < j; i++, j--) {
                for (int ch = 0; ch < c; ch++) {
                    int a = (rows ? i * w + o : o * w + i) * c + ch;
                    int b = (rows ? j * w + o : o * w + j) * c + ch;
                    float t = image[a];
                    image[a] = image[b];
                    image[b] = t;
                }
            }
        }
    }
}
