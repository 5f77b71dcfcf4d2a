package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.ops.Pool2DOp;
import java.util.Locale;

/** Max or average pooling of NHWC images over pool_size windows; strides default to the pool size. */
public final class Pooling2D extends Layer {
    private final Pool2DOp op;
    private final Attrs window;

    public Pooling2D(String name, Pool2DOp op, int[] poolSize, int[] strides, String padding) {
        super(name);
        this.op = op;
        this.window = window(poolSize, strides == null ? poolSize : strides, padding);
    }

    /** The op attributes of a window: its size (pools only), strides, and Keras's padding name as TF's. */
    static Attrs window(int[] size, int[] strides, String padding) {
        String p = padding.toUpperCase(Locale.ROOT);
        if (!p.equals("SAME") && !p.equals("VALID")) {
            throw new NnlError("padding must be \"same\" or \"valid\", not \"" + padding + "\"");
        }
        return size == null ? Attrs.of("strides", strides, "padding", p) : Attrs.of("ksize", size, "strides", strides, "padding", p);
    }

    @Override public String typeName() { return op == Pool2DOp.MAX ? "MaxPooling2D" : "AveragePooling2D"; }

    @Override
    protected void build(LayerCall call, TensorType input) {
        if (tensorInput(input).rank() != 4) throw new NnlError("expects images [batch, height, width, channels], got " + input.showShape());
    }

    @Override
    protected Object forward(LayerCall call, Object x) {
        return call.apply(op, window, call.floating(x));
    }
}
