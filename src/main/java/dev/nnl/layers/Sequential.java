package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.Values;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Layers applied one after another. */
public final class Sequential extends Model {
    private final List<Layer> layers = new ArrayList<>();

    public Sequential(String name, List<Object> layers) {
        super(name);
        for (Object l : layers) add(l);
    }

    @Override public String typeName() { return "Sequential"; }

    @Override
    public List<Layer> layers() { return layers; }

    @Override
    public void checkData(Tensor x, String which) {
        if (!layers.isEmpty()) layers.get(0).checkData(x, which);
    }

    public void add(Object layer) {
        if (!(layer instanceof Layer l)) throw new NnlError("sequential takes layers, got " + Values.typeName(layer));
        if (built()) throw new NnlError("cannot add a layer to the sequential model '" + name() + "' after it was built");
        layers.add(l);
    }

    @Override
    protected Object forward(LayerCall call, Object x) {
        if (layers.isEmpty()) throw new NnlError("the sequential model has no layers", "add some: sequential([dense(10)])");
        Object y = x;
        for (Layer l : layers) y = l.apply(call.interpreter(), call.span(), y, null);
        return y;
    }
}
