package dev.nnl.interp;

import dev.nnl.tensor.Tensor;

/** A host value that numpy's {@code np.array} would turn into an array (a table of numbers), as array() and tensor() do. */
public interface ArrayLike {
    Tensor toTensor();
}
