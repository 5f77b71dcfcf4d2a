package dev.nnl;

import dev.nnl.interp.Printer;
import dev.nnl.interp.Session;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A value of an NNL session seen from Java: a tensor, variable, number, string, list, function... The conversions
 * read tensors (a variable gives its current value); a value that does not convert throws IllegalStateException.
 */
public final class NnlValue {
    private final Object value;
    private final Session session;

    NnlValue(Object value, Session session) {
        this.value = value;
        this.session = session;
    }

    /** The type as NNL's error messages name it: {@code int}, {@code list}, {@code tensor of shape [2] and dtype float32}. */
    public String typeName() { return Values.typeName(value); }

    /** A copy of the tensor as an ND4J array (numbers and lists of numbers convert as {@code tensor(...)} would). */
    public INDArray asINDArray() { return tensor().array().dup('c'); }

    /** The elements in C order, as doubles. */
    public double[] toDoubleArray() { return tensor().doubles(); }

    /** The elements in C order, as floats. */
    public float[] toFloatArray() {
        double[] d = toDoubleArray();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (float) d[i];
        return out;
    }

    /** A number, or the single element of a one-element tensor. */
    public double asDouble() { return ((Number) scalar()).doubleValue(); }

    /** An integer, or the single element of a one-element integer tensor. */
    public long asLong() {
        Object s = scalar();
        if (s instanceof Long l) return l;
        throw new IllegalStateException("not an integer: " + typeName());
    }

    /** What {@code print} shows for the value. */
    public String asString() { return Printer.str(value, session); }

    @Override
    public String toString() { return asString(); }

    /** The value to bind in {@code target}: as it is in its own session, a concrete tensor or host scalar elsewhere. */
    Object valueFor(Session target) {
        if (target == session || value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (TensorCalls.isTensorLike(value)) return tensor();
        throw new IllegalArgumentException("a " + typeName() + " belongs to its own NNL session; only tensors, numbers, "
                + "strings and booleans move between sessions");
    }

    /** Host scalars as Java values (Long, Double, Boolean, String, null for none); anything else stays this NnlValue. */
    public Object toJava() {
        return value == null || value instanceof Number || value instanceof Boolean || value instanceof String ? value : this;
    }

    private Object scalar() {
        if (value instanceof Long || value instanceof Double) return value;
        Tensor t = tensor();
        if (t.size() != 1 || t.dtype() == DType.BOOL) {
            throw new IllegalStateException("not a number: " + typeName());
        }
        return t.item();
    }

    private Tensor tensor() {
        try {
            return Values.toNumpyArray(value, null);
        } catch (RuntimeException e) {
            throw new IllegalStateException("not a tensor: " + typeName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }
}
