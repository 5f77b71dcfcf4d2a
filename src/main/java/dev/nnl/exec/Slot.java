package dev.nnl.exec;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The storage of one node's value in a plan: an ND4J array in C order, and a cached view of its memory. */
final class Slot {
    private INDArray array;
    private View view;

    Slot(INDArray array) {
        bind(array);
    }

    /** Points the slot at another array (a fed value, a variable's current buffer); the view follows. */
    void bind(INDArray a) {
        if (a == array) return;
        INDArray contiguous = a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
        array = contiguous;
        view = View.of(contiguous);
    }

    INDArray array() { return array; }

    View view() { return view; }

    int size() { return (int) array.length(); }
}
