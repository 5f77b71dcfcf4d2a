package dev.nnl.exec;

import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The storage of one node's value in a plan: a tensor (on the heap when small), and a cached view of its memory.
 * Intermediate slots own their tensor; input and variable slots are pointed at the fed value or the variable's
 * storage before each run.
 */
final class Slot {
    private Tensor tensor;
    private View view;

    Slot(Tensor tensor) {
        bind(tensor);
    }

    /** Points the slot at another tensor; the view follows. */
    void bind(Tensor t) {
        if (t == tensor) return;
        // a strided ND4J view is copied once, so that the slot's view writes where the tensor lives
        tensor = t.heap() == null && (t.array().isView() || t.array().ordering() != 'c') ? t.copy() : t;
        view = tensor.view();
    }

    Tensor tensor() { return tensor; }

    /** The slot's elements as an ND4J array; for a heap slot made afresh, since kernels rewrite it every run. */
    INDArray array() {
        tensor.forgetArrayCopy();
        return tensor.array();
    }

    View view() { return view; }

    int size() { return (int) tensor.size(); }
}
