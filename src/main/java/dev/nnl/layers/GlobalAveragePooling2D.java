package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.ops.ReduceOp;

/** The mean of each channel over the image: [N, H, W, C] becomes [N, C]. */
public final class GlobalAveragePooling2D extends Layer {
    private static final Attrs SPATIAL = Attrs.of("axes", new int[] {1, 2}, "keepdims", false);

    public GlobalAveragePooling2D(String name) {
        super(name);
    }

    @Override public String typeName() { return "GlobalAveragePooling2D"; }

    @Override
    protected void build(LayerCall call, TensorType input) {
        if (tensorInput(input).rank() != 4) throw new NnlError("expects images [batch, height, width, channels], got " + input.showShape());
    }

    @Override
    protected Object forward(LayerCall call, Object x) {
        return call.apply(ReduceOp.MEAN, SPATIAL, call.floating(x));
    }
}
