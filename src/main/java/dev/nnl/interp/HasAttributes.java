package dev.nnl.interp;

/** A value with named fields or methods reachable by {@code value.name}. */
public interface HasAttributes {
    /** The attribute's value; throws {@link NnlError} when there is none. */
    Object attribute(String name);
}
