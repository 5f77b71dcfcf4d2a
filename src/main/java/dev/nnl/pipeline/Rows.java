package dev.nnl.pipeline;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import java.util.Arrays;
import java.util.List;

/** Rows of tensors: taking one out (a dataset's example) and stacking several into a batch. */
final class Rows {
    private Rows() {}

    /** Row i of t, with the first axis dropped; {@code elements} is t's view, made once for all rows. */
    static Tensor row(Tensor t, View elements, int i) {
        long[] shape = Arrays.copyOfRange(t.shape(), 1, t.rank());
        Tensor out = Tensor.allocate(t.dtype(), shape);
        View target = out.view();
        int size = (int) out.size();
        for (int k = 0; k < size; k++) target.set(k, elements.get(i * size + k));
        return out;
    }

    /** The rows at these positions, in this order. */
    static Tensor take(Tensor t, long[] rows) {
        return Slicing.get(t, List.of(new Slicing.Take(rows, new long[] {rows.length})));
    }

    /**
     * The tensors stacked along a new first axis. {@code what} names them in the error when they differ in shape or
     * dtype (elements of a dataset must agree to be batched).
     */
    static Tensor stack(List<Tensor> parts, String what) {
        Tensor first = parts.get(0);
        long[] shape = new long[first.rank() + 1];
        shape[0] = parts.size();
        System.arraycopy(first.shape(), 0, shape, 1, first.rank());
        Tensor out = Tensor.allocate(first.dtype(), shape);
        View target = out.view();
        int size = (int) first.size();
        for (int k = 0; k < parts.size(); k++) {
            Tensor p = parts.get(k);
            if (!Arrays.equals(p.shape(), first.shape()) || p.dtype() != first.dtype()) {
                throw new NnlError("cannot batch " + what + ": element " + k + " is " + p.describe() + " but element 0 is "
                        + first.describe(), "make every element the same shape, e.g. resize pictures in map()");
            }
            View source = p.view();
            for (int i = 0; i < size; i++) target.set(k * size + i, source.get(i));
        }
        return out;
    }
}
