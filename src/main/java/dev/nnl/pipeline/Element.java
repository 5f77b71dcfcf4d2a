package dev.nnl.pipeline;

import dev.nnl.interp.NnlTuple;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;

/**
 * One element of a dataset: an example, or a batch of them. Its components are tensors; a script sees a tuple
 * {@code (x, y)} when the dataset was made from one (or a map returned one), else the single tensor.
 */
public record Element(Tensor[] parts, boolean tuple) {
    /** What a for loop over the dataset gives the script. */
    public Object value() {
        return tuple ? new NnlTuple(Arrays.asList((Object[]) parts.clone())) : parts[0];
    }
}
