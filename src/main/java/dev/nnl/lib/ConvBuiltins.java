package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.Builtin;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Signature;
import dev.nnl.interp.Values;
import dev.nnl.layers.Conv2D;
import dev.nnl.layers.Pooling2D;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.Conv2DOp;
import dev.nnl.ir.ops.Pool2DOp;
import dev.nnl.ir.ops.Window;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import java.util.List;

/**
 * TF's convolution and pooling ops on NHWC tensors: tf.nn.conv2d, tf.nn.avg_pool, tf.nn.max_pool, with TF1's ways
 * of writing windows and strides. A filter written as a list takes the input's dtype; a filter tensor must already
 * have it, as in TF.
 */
final class ConvBuiltins {
    private ConvBuiltins() {}

    static void register(BuiltinTable t) {
        Builtin conv = new Builtin("conv2d", Signature.parse("conv2d", "input, filters, strides, padding"), a -> {
            Attrs attrs = Attrs.of("strides", spatial("conv2d", "strides", a.shape(2)),
                    "padding", Window.padding("conv2d", a.string(3)));
            return a.apply(Conv2DOp.INSTANCE, attrs, a.get(0), a.get(1));
        });
        Builtin convLayer = new Builtin("conv2d", Signature.parse("conv2d", CONV_LAYER), ConvBuiltins::convLayer);
        t.constant("conv2d", new Overload("conv2d", conv, convLayer));
        t.define("Conv2D", CONV_LAYER, ConvBuiltins::convLayer);
        pool(t, "avg_pool", "avg_pool2d", "AveragePooling2D | AvgPool2D", Pool2DOp.AVG, "average_pooling2d");
        pool(t, "max_pool", "max_pool2d", "MaxPool2D | MaxPooling2D", Pool2DOp.MAX, "max_pooling2d");
    }

    private static final String CONV_LAYER = "filters, kernel_size, strides=1, padding='valid', activation=none, "
            + "use_bias=true, kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=none, "
            + "input_shape=none, name=none";
    private static final String POOL_LAYER = "pool_size=2, strides=none, padding='valid', name=none";

    /** Keras's Conv2D: kernel_size and strides are one number or (h, w). */
    private static Object convLayer(Args a) {
        return new Conv2D(LayerBuiltins.name(a, 10, "conv2d"), (int) a.integer(0), pair(a, 1), pair(a, 2), a.string(3),
                LayerBuiltins.activation(a, 4), a.bool(5), LayerBuiltins.initializer(a, 6), LayerBuiltins.initializer(a, 7),
                LayerBuiltins.regularizer(a, 8));
    }

    /**
     * TF1's function (tf.nn.max_pool(value, ksize, strides, padding)) under its names, the Keras layer under the
     * Keras names, and one snake-case name for both, told apart by the first argument.
     */
    private static void pool(BuiltinTable t, String functionName, String sharedName, String layerNames, Pool2DOp op, String base) {
        String name = op.name();
        Builtin function = t.define(functionName, "value, ksize, strides, padding", a -> {
            Attrs attrs = Attrs.of("ksize", spatial(name, "ksize", a.shape(1)), "strides", spatial(name, "strides", a.shape(2)),
                    "padding", Window.padding(name, a.string(3)));
            return a.apply(op, attrs, a.get(0));
        });
        Builtin.Impl layer = a -> new Pooling2D(LayerBuiltins.name(a, 3, base), op, pair(a, 0), a.isNone(1) ? null : pair(a, 1), a.string(2));
        Builtin layerBuiltin = t.define(layerNames, POOL_LAYER, layer);
        t.constant(sharedName, new Overload(sharedName, function, layerBuiltin));
    }

    /** A window size or stride as Keras takes it: one number for both dimensions, or (h, w). */
    private static int[] pair(Args a, int i) {
        List<Object> items = Values.sequence(a.get(i));
        if (items == null) {
            int n = (int) a.integer(i);
            return new int[] {n, n};
        }
        if (items.size() != 2) throw a.wrong(i, "one number or a pair (height, width)");
        return new int[] {(int) Values.toLong(items.get(0)), (int) Values.toLong(items.get(1))};
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
