package dev.nnl.layers;

import dev.nnl.interp.Callable;

/**
 * What a recurrent layer's cell is made with, as Keras names it: the activation (tanh), the gates' recurrent
 * activation (sigmoid; none for SimpleRNN), the bias, the initializers and regularizers of the kernel, the recurrent
 * kernel and the bias, and the LSTM's unit_forget_bias.
 */
public record CellSettings(Callable activation, Callable recurrentActivation, boolean useBias,
                           Initializer kernelInitializer, Initializer recurrentInitializer, Initializer biasInitializer,
                           boolean unitForgetBias, Callable kernelRegularizer, Callable recurrentRegularizer,
                           Callable biasRegularizer) {
    Object activate(LayerCall call, Object x) {
        return activation == null ? x : call.call(activation, x);
    }

    Object gate(LayerCall call, Object x) {
        return recurrentActivation == null ? x : call.call(recurrentActivation, x);
    }
}
