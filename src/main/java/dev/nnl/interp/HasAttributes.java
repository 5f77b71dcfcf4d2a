package dev.nnl.interp;

import java.util.Collection;
import java.util.List;

/** A value with named fields or methods reachable by {@code value.name}. */
public interface HasAttributes {
    /** The attribute's value; throws {@link NnlError} when there is none. */
    Object attribute(String name);

    /** Whether {@link #attribute} knows the name; others are looked up in the method table of the value's type. */
    default boolean hasAttribute(String name) { return true; }

    /** The names {@link #attribute} knows, for completion in the REPL. */
    default Collection<String> attributeNames() { return List.of(); }
}
