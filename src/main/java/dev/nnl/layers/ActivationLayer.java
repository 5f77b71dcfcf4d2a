package dev.nnl.layers;

import dev.nnl.interp.Callable;

/** A layer that only applies an activation function: {@code activation("relu")}. */
public final class ActivationLayer extends Layer {
    private final Callable activation;

    public ActivationLayer(String name, Callable activation) {
        super(name);
        this.activation = activation;
    }

    @Override public String typeName() { return "Activation"; }

    @Override
    protected Object forward(LayerCall call, Object x) {
        return call.call(activation, x);
    }
}
