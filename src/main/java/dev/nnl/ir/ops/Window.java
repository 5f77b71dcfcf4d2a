package dev.nnl.ir.ops;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import java.util.Arrays;
import java.util.Locale;

/**
 * A 2-D window sliding over NHWC images ([batch, height, width, channels]) with TF's padding: VALID uses whole
 * windows only; SAME gives ceil(size / stride) outputs and puts the odd padding cell at the bottom/right, which is
 * also what ND4J's same mode does. The window's size may be unknown (a filter fed at run time).
 */
public final class Window {
    private static final int NHWC = 1;

    private final String op;
    private final long height;
    private final long width;
    private final int[] strides;
    private final boolean same;

    private Window(String op, long height, long width, int[] strides, boolean same) {
        this.op = op;
        this.height = height;
        this.width = width;
        this.strides = strides;
        this.same = same;
    }

    /** A window of this size moved by attribute {@code strides} (int[2]) with attribute {@code padding}. */
    static Window of(String op, long height, long width, Attrs attrs) {
        int[] strides = attrs.getInts("strides");
        if (strides.length != 2 || strides[0] < 1 || strides[1] < 1) {
            throw new ShapeError(op + ": strides " + Arrays.toString(strides) + " must be two positive numbers [h, w]");
        }
        return new Window(op, height, width, strides, padding(op, (String) attrs.get("padding")).equals("SAME"));
    }

    /** "SAME" or "VALID" for either name in any case. */
    public static String padding(String op, String padding) {
        String p = padding.toUpperCase(Locale.ROOT);
        if (!p.equals("SAME") && !p.equals("VALID")) {
            throw new ShapeError(op + ": padding must be 'SAME' or 'VALID', got '" + padding + "'");
        }
        return p;
    }

    /** The input must be a float batch of images. */
    static void requireImages(String op, TensorType x) {
        if (!x.dtype().isFloating()) {
            throw new ShapeError(op + " needs a float tensor, got " + x.dtype(), "cast first: cast(x, float32)");
        }
        if (x.rank() != 4) {
            throw new ShapeError(op + ": input must be 4-D [batch, height, width, channels], got shape " + x.showShape(),
                    "one 3x3 single-channel image is reshape(x, [1, 3, 3, 1])");
        }
    }

    /**
     * The output dimensions [batch, height', width', channels] for this input; {@code what} names the window in the
     * error when it does not fit with VALID padding.
     */
    long[] outputDims(TensorType input, long channels, String what) {
        long h = input.dims()[1];
        long w = input.dims()[2];
        if (!same && (exceeds(height, h) || exceeds(width, w))) {
            throw new ShapeError(op + ": the " + show(height) + "x" + show(width) + " " + what + " does not fit the "
                    + show(h) + "x" + show(w) + " input with VALID padding", "use padding='SAME' or a smaller " + what);
        }
        return new long[] {input.dims()[0], size(h, height, strides[0]), size(w, width, strides[1]), channels};
    }

    private static boolean exceeds(long window, long size) {
        return window != Shapes.UNKNOWN && size != Shapes.UNKNOWN && window > size;
    }

    private long size(long in, long window, int stride) {
        if (in == Shapes.UNKNOWN || (!same && window == Shapes.UNKNOWN)) return Shapes.UNKNOWN;
        return same ? (in + stride - 1) / stride : (in - window) / stride + 1;
    }

    private static String show(long d) {
        return d == Shapes.UNKNOWN ? "?" : Long.toString(d);
    }

    /**
     * ND4J's integer arguments for conv2d, the pools and their backprop ops: kH, kW, sH, sW, pH, pW, dH, dW,
     * sameMode, then {@code extra}, then 1 for NHWC. Explicit padding stays 0: same mode computes TF's.
     */
    int[] intArgs(int... extra) {
        int[] head = {(int) height, (int) width, strides[0], strides[1], 0, 0, 1, 1, same ? 1 : 0};
        int[] args = Arrays.copyOf(head, head.length + extra.length + 1);
        System.arraycopy(extra, 0, args, head.length, extra.length);
        args[args.length - 1] = NHWC;
        return args;
    }
}
