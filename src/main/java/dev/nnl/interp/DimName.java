package dev.nnl.interp;

/** A dimension in an input's shape that is not a number: {@code ?} (unknown) or a name such as {@code batch}. */
public record DimName(String name) {
    public static final DimName UNKNOWN = new DimName(null);

    @Override
    public String toString() { return name == null ? "?" : name; }
}
