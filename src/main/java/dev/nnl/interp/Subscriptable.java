package dev.nnl.interp;

import java.util.List;

/** A value that accepts {@code value[...]} with slices, like numpy's mgrid and c_ helpers. */
public interface Subscriptable {
    /** Each subscript is a host value or a {@link SliceValue}. */
    Object subscript(List<Object> subscripts);
}
