package dev.nnl.layers;

/** Passes its input through: the residual path of a block that needs no projection. */
public final class Identity extends Layer {
    public Identity(String name) {
        super(name);
    }

    @Override public String typeName() { return "Identity"; }

    @Override
    protected Object forward(LayerCall call, Object x) {
        return x;
    }
}
