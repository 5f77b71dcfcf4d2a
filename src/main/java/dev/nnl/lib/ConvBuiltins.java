package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.Conv2DOp;
import dev.nnl.ir.ops.Pool2DOp;
import dev.nnl.ir.ops.Window;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;

/**
 * TF's convolution and pooling ops on NHWC tensors: tf.nn.conv2d, tf.nn.avg_pool, tf.nn.max_pool, with TF1's ways
 * of writing windows and strides. A filter written as a list takes the input's dtype; a filter tensor must already
 * have it, as in TF.
 */
final class ConvBuiltins {
    private ConvBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("conv2d", "input, filters, strides, padding", a -> {
            Attrs attrs = Attrs.of("strides", spatial("conv2d", "strides", a.shape(2)),
                    "padding", Window.padding("conv2d", a.string(3)));
            return a.apply(Conv2DOp.INSTANCE, attrs, a.get(0), a.get(1));
        });
        pool(t, "avg_pool | avg_pool2d", Pool2DOp.AVG);
        pool(t, "max_pool | max_pool2d", Pool2DOp.MAX);
    }

    private static void pool(BuiltinTable t, String names, Pool2DOp op) {
        String name = op.name();
        t.define(names, "value, ksize, strides, padding", a -> {
            Attrs attrs = Attrs.of("ksize", spatial(name, "ksize", a.shape(1)), "strides", spatial(name, "strides", a.shape(2)),
                    "padding", Window.padding(name, a.string(3)));
            return a.apply(op, attrs, a.get(0));
        });
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
}
