package dev.nnl.interp;

import java.util.List;

/** An immutable sequence of host values, like Python's tuple. */
public record NnlTuple(List<Object> items) {
    public static NnlTuple of(Object... values) {
        return new NnlTuple(java.util.Arrays.asList(values));
    }
}
