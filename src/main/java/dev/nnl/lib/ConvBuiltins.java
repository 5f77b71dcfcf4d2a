package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.tensor.Convolution;
import dev.nnl.tensor.Tensor;

/** TF's convolution and pooling ops on NHWC tensors: tf.nn.conv2d, tf.nn.avg_pool, tf.nn.max_pool. */
final class ConvBuiltins {
    private ConvBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("conv2d", "input, filters, strides, padding", a -> {
            Tensor input = a.tensor(0);
            // a filter written as a list takes the input's dtype; a filter tensor must already have it, as in TF
            Tensor filters = a.get(1) instanceof Tensor f ? f : a.tensor(1, input.dtype());
            return Convolution.conv2d(input, filters, a.shape(2), a.string(3));
        });
        pool(t, "avg_pool | avg_pool2d", "avg");
        pool(t, "max_pool | max_pool2d", "max");
    }

    private static void pool(BuiltinTable t, String names, String kind) {
        t.define(names, "value, ksize, strides, padding",
                a -> Convolution.pool(kind, a.tensor(0), a.shape(1), a.shape(2), a.string(3)));
    }
}
