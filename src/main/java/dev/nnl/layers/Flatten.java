package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.tensor.Shapes;

/** Keeps the batch axis and flattens the rest: [N, 28, 28] becomes [N, 784]. */
public final class Flatten extends Layer {
    public Flatten(String name) {
        super(name);
    }

    @Override public String typeName() { return "Flatten"; }

    @Override
    protected void build(LayerCall call, TensorType input) {
        TensorType x = tensorInput(input);
        for (int i = 1; i < x.rank(); i++) {
            if (x.dims()[i] == Shapes.UNKNOWN) {
                throw new NnlError("can flatten only inputs whose dimensions after the batch are known, got " + x.showShape());
            }
        }
    }

    @Override
    protected Object forward(LayerCall call, Object x) {
        long[] shape = TensorCalls.shapeOf(x);
        long features = 1;
        for (int i = 1; i < shape.length; i++) features *= shape[i];
        return call.apply(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {-1, features}), x);
    }
}
