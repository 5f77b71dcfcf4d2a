package dev.nnl.interp;

/** A {@code start:stop:step} subscript; absent parts are null. */
public record SliceValue(Object start, Object stop, Object step) {}
