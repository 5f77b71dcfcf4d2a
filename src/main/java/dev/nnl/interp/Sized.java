package dev.nnl.interp;

/** A value that len() measures without going through it: a dataset's elements, a generator's batches. */
public interface Sized {
    /** The length; throws {@link NnlError} when there is none (an endless dataset). */
    long length();
}
