package dev.nnl.data;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;

/**
 * What PIL (Pillow) does to the pixels of the course's pictures, computed as Pillow computes it so that a port
 * preprocesses exactly like the course: {@code convert('L')} and {@code resize((w, h), filter)}. Images are uint8
 * tensors [H, W] (gray) or [H, W, C] (C channels).
 */
public final class ImageOps {
    /** Pillow's resampling filters, with the support of each kernel. */
    public enum Filter {
        NEAREST(0, x -> 0),
        BILINEAR(1, x -> Math.abs(x) < 1 ? 1 - Math.abs(x) : 0),
        BICUBIC(2, ImageOps::bicubic),
        LANCZOS(3, x -> -3 <= x && x < 3 ? sinc(x) * sinc(x / 3) : 0);

        final double support;
        final DoubleUnaryOperator kernel;

        Filter(double support, DoubleUnaryOperator kernel) {
            this.support = support;
            this.kernel = kernel;
        }

        /** By name: nearest, bilinear, bicubic, lanczos (also antialias, the course's Image.ANTIALIAS). */
        public static Filter named(String name) {
            return switch (name.toLowerCase()) {
                case "nearest" -> NEAREST;
                case "bilinear" -> BILINEAR;
                case "bicubic" -> BICUBIC;
                case "lanczos", "antialias" -> LANCZOS;
                default -> throw new NnlError("unknown resample filter '" + name + "'", "use nearest, bilinear, bicubic or lanczos (antialias)");
            };
        }
    }

    /** Pillow keeps 8-bit coefficients as fixed-point numbers with this many fraction bits. */
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private ImageOps() {}

    /** {@code convert('L')}: luma L = R·299/1000 + G·587/1000 + B·114/1000 in Pillow's fixed point; alpha is dropped. */
    public static Tensor grayscale(Tensor image) {
        long[] s = checked(image);
        if (s.length == 2) return image;
        int h = (int) s[0], w = (int) s[1], c = (int) s[2];
        byte[] in = image.bytes();
        byte[] out = new byte[h * w];
        for (int p = 0; p < h * w; p++) {
            if (c < 3) {
                out[p] = in[p * c]; // gray, or gray and alpha
            } else {
                int r = in[p * c] & 0xFF, g = in[p * c + 1] & 0xFF, b = in[p * c + 2] & 0xFF;
                out[p] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >>> 16);
            }
        }
        return Tensor.ofUint8(new long[] {h, w}, out);
    }

    /**
     * {@code resize((width, height), filter)}: for a convolution filter a horizontal pass then a vertical pass, each
     * with a kernel widened by the scale factor when shrinking (so shrinking averages, never skips, pixels) and
     * rounded to uint8; for NEAREST the pixel under each output pixel's centre.
     */
    public static Tensor resize(Tensor image, int height, int width, Filter filter) {
        long[] s = checked(image);
        if (height < 1 || width < 1) throw new NnlError("an image size must be positive, got " + height + "x" + width);
        int h = (int) s[0], w = (int) s[1], c = s.length == 3 ? (int) s[2] : 1;
        byte[] pixels = image.bytes();
        if (filter == Filter.NEAREST) {
            pixels = nearest(pixels, h, w, c, height, width);
        } else if (width != w || height != h) {
            // with alpha (LA, RGBA) Pillow resizes premultiplied colours, so transparent pixels do not bleed
            boolean alpha = c == 2 || c == 4;
            if (alpha) premultiply(pixels, c);
            if (width != w) pixels = pass(pixels, h, w, c, width, filter, true);
            if (height != h) pixels = pass(pixels, h, width, c, height, filter, false);
            if (alpha) unpremultiply(pixels, c);
        }
        return Tensor.ofUint8(s.length == 3 ? new long[] {height, width, c} : new long[] {height, width}, pixels);
    }

    private static long[] checked(Tensor image) {
        long[] s = image.shape();
        if (image.dtype() != DType.UINT8 || s.length < 2 || s.length > 3) {
            throw new NnlError("an image must be a uint8 tensor [height, width] or [height, width, channels], got "
                    + image.dtype() + " " + Shapes.show(s));
        }
        return s;
    }

    /** One direction of Pillow's two-pass resampling; {@code horizontal} resizes rows from w to {@code size} columns. */
    private static byte[] pass(byte[] in, int h, int w, int c, int size, Filter filter, boolean horizontal) {
        int inSize = horizontal ? w : h;
        double scale = (double) inSize / size;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        double kernelScale = 1.0 / filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[size * 2];
        int[] coefficients = new int[size * ksize];
        double[] k = new double[ksize];
        for (int xx = 0; xx < size; xx++) {
            double center = (xx + 0.5) * scale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double sum = 0;
            for (int x = 0; x < xmax; x++) {
                k[x] = filter.kernel.applyAsDouble((x + xmin - center + 0.5) * kernelScale);
                sum += k[x];
            }
            for (int x = 0; x < xmax; x++) {
                double v = sum != 0 ? k[x] / sum : k[x];
                coefficients[xx * ksize + x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
            }
            bounds[xx * 2] = xmin;
            bounds[xx * 2 + 1] = xmax;
        }
        int outH = horizontal ? h : size, outW = horizontal ? size : w;
        byte[] out = new byte[outH * outW * c];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int o = horizontal ? x : y;
                int min = bounds[o * 2], n = bounds[o * 2 + 1];
                for (int ch = 0; ch < c; ch++) {
                    int acc = 1 << (PRECISION_BITS - 1);
                    for (int i = 0; i < n; i++) {
                        int src = horizontal ? (y * w + min + i) * c + ch : ((min + i) * w + x) * c + ch;
                        acc += (in[src] & 0xFF) * coefficients[o * ksize + i];
                    }
                    out[(y * outW + x) * c + ch] = (byte) Math.max(0, Math.min(255, acc >> PRECISION_BITS));
                }
            }
        }
        return out;
    }

    /** Pillow's RGBA to RGBa conversion: each colour times alpha / 255, rounded its way. */
    private static void premultiply(byte[] p, int c) {
        for (int i = 0; i < p.length; i += c) {
            int alpha = p[i + c - 1] & 0xFF;
            for (int k = 0; k < c - 1; k++) {
                int t = (p[i + k] & 0xFF) * alpha + 128;
                p[i + k] = (byte) (((t >> 8) + t) >> 8);
            }
        }
    }

    /** Pillow's RGBa to RGBA conversion: each colour times 255 / alpha, clipped; alpha 0 and 255 keep it. */
    private static void unpremultiply(byte[] p, int c) {
        for (int i = 0; i < p.length; i += c) {
            int alpha = p[i + c - 1] & 0xFF;
            if (alpha == 0 || alpha == 255) continue;
            for (int k = 0; k < c - 1; k++) p[i + k] = (byte) Math.min(255, 255 * (p[i + k] & 0xFF) / alpha);
        }
    }

    /** Pillow's nearest-neighbour scaling: source positions accumulate in steps of the scale from half a step. */
    private static byte[] nearest(byte[] in, int h, int w, int c, int height, int width) {
        int[] xs = positions(w, width);
        int[] ys = positions(h, height);
        byte[] out = new byte[height * width * c];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) System.arraycopy(in, (ys[y] * w + xs[x]) * c, out, (y * width + x) * c, c);
        }
        return out;
    }

    private static int[] positions(int inSize, int outSize) {
        double step = (double) inSize / outSize;
        double at = step * 0.5;
        int[] out = new int[outSize];
        for (int i = 0; i < outSize; i++, at += step) out[i] = Math.min((int) at, inSize - 1);
        return out;
    }

    private static double bicubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
        if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
        return 0;
    }

    private static double sinc(double x) {
        if (x == 0) return 1;
        x *= Math.PI;
        return Math.sin(x) / x;
    }
}
