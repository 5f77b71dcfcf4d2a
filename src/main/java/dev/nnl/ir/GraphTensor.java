package dev.nnl.ir;

import dev.nnl.tensor.Tensor;

/**
 * A tensor that depends on a variable or an input: its recipe, and its value when it has one (it has none when it
 * depends on an input that is only known when fed to run).
 */
public record GraphTensor(Node node, Tensor value) {
    public TensorType type() { return node.type(); }
}
