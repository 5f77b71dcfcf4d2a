package dev.nnl.ir.ops;

import dev.nnl.ir.TensorType;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.TensorOps;

/** Type rules shared by several ops: broadcasting with named dimensions, and one dtype for both operands. */
final class TypeRules {
    private TypeRules() {}

    static DType sameDType(String op, TensorType a, TensorType b) {
        if (a.dtype() != b.dtype()) {
            throw new ShapeError(op + " of " + a.dtype() + " and " + b.dtype() + " tensors: dtypes differ",
                    "convert one side with cast(x, " + (a.dtype().isFloating() ? a.dtype() : b.dtype()) + ")");
        }
        return a.dtype();
    }

    /** numpy broadcasting; a named dimension keeps its name, and two different names cannot meet. */
    static TensorType broadcast(String op, TensorType a, TensorType b, DType dtype) {
        long[] dims = Shapes.broadcast(op, a.dims(), b.dims());
        String[] names = new String[dims.length];
        for (int i = 0; i < dims.length; i++) {
            String na = nameAt(a, i, dims.length);
            String nb = nameAt(b, i, dims.length);
            if (na != null && nb != null && !na.equals(nb)) {
                throw new ShapeError(op + " of " + a.showShape() + " and " + b.showShape() + ": dimension '" + na
                        + "' meets dimension '" + nb + "'");
            }
            names[i] = na != null ? na : nb;
            if (names[i] != null && dims[i] == 1 && (sizeAt(a, i, dims.length) == Shapes.UNKNOWN
                    || sizeAt(b, i, dims.length) == Shapes.UNKNOWN)) {
                dims[i] = Shapes.UNKNOWN;
            }
        }
        return new TensorType(dtype, dims, names);
    }

    private static String nameAt(TensorType t, int i, int rank) {
        int k = i - (rank - t.rank());
        return k < 0 ? null : t.names()[k];
    }

    private static long sizeAt(TensorType t, int i, int rank) {
        int k = i - (rank - t.rank());
        return k < 0 ? 1 : t.dims()[k];
    }

    static String describe(String op) {
        return TensorOps.describe(op);
    }
}
