package dev.nnl.ir;

import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import java.util.Arrays;

/**
 * The static type of an IR value: dtype and shape, where a dimension may be unknown ({@code ?}, stored as -1) and
 * may carry a name ({@code batch}) that must agree wherever it appears.
 */
public record TensorType(DType dtype, long[] dims, String[] names) {

    public TensorType {
        if (names == null) names = new String[dims.length];
    }

    public static TensorType of(DType dtype, long[] dims) {
        return new TensorType(dtype, dims, null);
    }

    public int rank() { return dims.length; }

    public boolean isFullyKnown() {
        for (long d : dims) if (d == Shapes.UNKNOWN) return false;
        return true;
    }

    public TensorType withDType(DType d) {
        return new TensorType(d, dims, names);
    }

    /** The shape for messages: {@code [batch, 784]}, {@code [?, 1]}. */
    public String showShape() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) out.append(", ");
            if (names[i] != null) out.append(names[i]);
            else out.append(dims[i] == Shapes.UNKNOWN ? "?" : Long.toString(dims[i]));
        }
        return out.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorType t && t.dtype == dtype && Arrays.equals(t.dims, dims) && Arrays.equals(t.names, names);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Arrays.hashCode(dims) * 17 + Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return showShape() + " " + dtype;
    }
}
