package dev.nnl.tensor;

import java.util.Locale;

/**
 * TensorFlow's 2-D convolution and pooling on NHWC tensors ([batch, height, width, channels]), run by ND4J's
 * conv2d, avgpool2d and maxpool2d kernels in their NHWC mode. Padding is TF's: VALID uses whole windows only; SAME
 * gives ceil(size / stride) outputs and puts the odd padding cell at the bottom/right; average pooling divides by
 * the number of real cells in each window, never counting padding.
 */
public final class Convolution {
    private static final int NHWC = 1;

    private Convolution() {}

    /** tf.nn.conv2d: input [batch, h, w, in] and filters [kh, kw, in, out] give [batch, h', w', out]. */
    public static Tensor conv2d(Tensor input, Tensor filters, long[] strides, String padding) {
        requireImages("conv2d", input);
        TensorOps.requireSameDType("conv2d", input, filters);
        if (filters.rank() != 4) {
            throw new ShapeError("conv2d: filters must be 4-D [height, width, in_channels, out_channels], got shape "
                    + Shapes.show(filters.shape()), "a 2x2 filter on one channel is reshape(f, [2, 2, 1, 1])");
        }
        long channels = input.shape()[3];
        long expected = filters.shape()[2];
        if (channels != expected) {
            throw new ShapeError("conv2d: input has " + channels + " channels but the filter expects " + expected,
                    "the filter's third dimension is the number of input channels");
        }
        int[] window = {(int) filters.shape()[0], (int) filters.shape()[1]};
        int[] stride = spatial("conv2d", "strides", strides);
        boolean same = isSame("conv2d", padding);
        requireFit("conv2d", "filter", input, window, same);
        // iArgs: kH, kW, sH, sW, pH, pW, dH, dW, sameMode, dataFormat; ND4J's weight layout [kH, kW, iC, oC] is TF's
        int[] args = {window[0], window[1], stride[0], stride[1], 0, 0, 1, 1, same ? 1 : 0, NHWC};
        return new Tensor(TensorOps.exec("conv2d", args, input.array(), filters.array()));
    }

    /** tf.nn.avg_pool / tf.nn.max_pool: {@code kind} is "avg" or "max"; channels pool separately. */
    public static Tensor pool(String kind, Tensor value, long[] ksize, long[] strides, String padding) {
        String op = kind + "_pool";
        requireImages(op, value);
        int[] window = spatial(op, "ksize", ksize);
        int[] stride = spatial(op, "strides", strides);
        boolean same = isSame(op, padding);
        requireFit(op, "window", value, window, same);
        // iArgs: kH, kW, sH, sW, pH, pW, dH, dW, sameMode, divisor (0 = real cells only, as TF), isNHWC
        int[] args = {window[0], window[1], stride[0], stride[1], 0, 0, 1, 1, same ? 1 : 0, 0, NHWC};
        return new Tensor(TensorOps.exec(kind + "pool2d", args, value.array()));
    }

    private static void requireImages(String op, Tensor t) {
        if (!t.dtype().isFloating()) {
            throw new ShapeError(op + " needs a float tensor, got " + t.dtype(), "cast first: cast(x, float32)");
        }
        if (t.rank() != 4) {
            throw new ShapeError(op + ": input must be 4-D [batch, height, width, channels], got shape "
                    + Shapes.show(t.shape()), "one 3x3 single-channel image is reshape(x, [1, 3, 3, 1])");
        }
    }

    /**
     * The height and width of a window or stride given as TF accepts it: one number for both, [h, w], or
     * [1, h, w, 1] (TF cannot move along the batch or channel dimension either).
     */
    private static int[] spatial(String op, String what, long[] values) {
        int[] hw = switch (values.length) {
            case 1 -> new int[] {(int) values[0], (int) values[0]};
            case 2 -> new int[] {(int) values[0], (int) values[1]};
            case 4 -> {
                if (values[0] != 1 || values[3] != 1) {
                    throw new ShapeError(op + ": " + what + " " + Shapes.show(values)
                            + " must be 1 in the batch and channel dimensions", "write [1, h, w, 1]");
                }
                yield new int[] {(int) values[1], (int) values[2]};
            }
            default -> throw new ShapeError(op + ": " + what + " must have 1, 2 or 4 entries, got " + Shapes.show(values),
                    "write [1, h, w, 1] as TF1 does, or [h, w]");
        };
        if (hw[0] < 1 || hw[1] < 1) throw new ShapeError(op + ": " + what + " " + Shapes.show(values) + " must be positive");
        return hw;
    }

    private static boolean isSame(String op, String padding) {
        return switch (padding.toUpperCase(Locale.ROOT)) {
            case "SAME" -> true;
            case "VALID" -> false;
            default -> throw new ShapeError(op + ": padding must be 'SAME' or 'VALID', got '" + padding + "'");
        };
    }

    /** VALID padding needs at least one whole window; SAME always has one. */
    private static void requireFit(String op, String what, Tensor input, int[] window, boolean same) {
        long h = input.shape()[1];
        long w = input.shape()[2];
        if (!same && (window[0] > h || window[1] > w)) {
            throw new ShapeError(op + ": the " + window[0] + "x" + window[1] + " " + what + " does not fit the " + h + "x"
                    + w + " input with VALID padding", "use padding='SAME' or a smaller " + what);
        }
    }
}
