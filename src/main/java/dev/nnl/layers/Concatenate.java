package dev.nnl.layers;

import dev.nnl.interp.Values;
import dev.nnl.interp.NnlError;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.ConcatOp;
import java.util.List;

/** Joins a list of tensors along an axis (the channels by default), as Inception blocks join their branches. */
public final class Concatenate extends Layer {
    private final int axis;

    public Concatenate(String name, int axis) {
        super(name);
        this.axis = axis;
    }

    @Override public String typeName() { return "Concatenate"; }

    @Override
    protected Object forward(LayerCall call, Object inputs) {
        List<Object> parts = Values.sequence(inputs);
        if (parts == null || parts.size() < 2) {
            throw new NnlError("concatenates a list of at least two tensors, got "
                    + (parts == null ? Values.typeName(inputs) : parts.size()));
        }
        return call.apply(ConcatOp.INSTANCE, Attrs.of("axis", axis), parts.toArray());
    }
}
