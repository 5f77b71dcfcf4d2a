package dev.nnl.interp;

/** The subscripts that are not numbers: {@code newaxis} and {@code ...}. */
public enum SpecialIndex {
    NEWAXIS, ELLIPSIS;

    @Override
    public String toString() { return this == NEWAXIS ? "None" : "Ellipsis"; }
}
