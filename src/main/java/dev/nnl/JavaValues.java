package dev.nnl;

import dev.nnl.interp.Session;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns the Java values a host passes in into NNL values. */
final class JavaValues {
    private JavaValues() {}

    /**
     * Numbers become int or float, String and Boolean stay, arrays and INDArrays become tensors (copied: NNL tensors
     * are values, so later changes to the Java array do not reach the script). float[] is float32, double[] float64,
     * int[] int32, long[] int64.
     */
    static Object toNnl(Object v, Session session) {
        if (v == null || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Double || v instanceof Float) return ((Number) v).doubleValue();
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof NnlValue n) return n.valueFor(session);
        if (v instanceof INDArray a) return tensor(a);
        if (v instanceof float[] f) return Tensor.ofFloats(new long[] {f.length}, f);
        if (v instanceof double[] d) return Tensor.ofDoubles(new long[] {d.length}, d, DType.FLOAT64);
        if (v instanceof int[] i) return Tensor.ofLongs(new long[] {i.length}, Arrays.stream(i).asLongStream().toArray(), DType.INT32);
        if (v instanceof long[] l) return Tensor.ofLongs(new long[] {l.length}, l, DType.INT64);
        if (v instanceof float[][] rows) {
            return Tensor.ofFloats(matrixShape(Arrays.stream(rows).mapToInt(r -> r.length).toArray()), flatten(rows));
        }
        if (v instanceof double[][] rows) {
            return Tensor.ofDoubles(matrixShape(Arrays.stream(rows).mapToInt(r -> r.length).toArray()), flatten(rows), DType.FLOAT64);
        }
        throw new IllegalArgumentException("cannot pass a " + v.getClass().getName() + " to NNL; use a number, String, "
                + "boolean, float[], float[][], double[], double[][], int[], long[] or INDArray");
    }

    private static Tensor tensor(INDArray a) {
        try {
            return new Tensor(a.dup('c'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot pass an INDArray of type " + a.dataType() + " to NNL: " + e.getMessage());
        }
    }

    /** The shape of a Java matrix from its row lengths, which must agree. */
    private static long[] matrixShape(int[] widths) {
        int cols = widths.length == 0 ? 0 : widths[0];
        for (int r = 0; r < widths.length; r++) {
            if (widths[r] != cols) {
                throw new IllegalArgumentException("ragged array: row " + r + " has " + widths[r] + " elements, row 0 has " + cols);
            }
        }
        return new long[] {widths.length, cols};
    }

    private static float[] flatten(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, out, r * cols, cols);
        return out;
    }

    private static double[] flatten(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] out = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, out, r * cols, cols);
        return out;
    }
}
