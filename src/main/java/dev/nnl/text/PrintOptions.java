package dev.nnl.text;

/**
 * The subset of numpy's {@code set_printoptions} that array printing honours. {@code threshold} may be
 * {@link Long#MAX_VALUE}, numpy's {@code threshold=inf}: never summarize.
 */
public record PrintOptions(int precision, long threshold, int edgeitems, int linewidth, boolean suppress) {

    public static final PrintOptions DEFAULTS = new PrintOptions(8, 1000, 3, 75, false);

    public PrintOptions {
        if (precision < 0) {
            throw new IllegalArgumentException("precision must be >= 0, got " + precision);
        }
        if (edgeitems < 0) {
            throw new IllegalArgumentException("edgeitems must be >= 0, got " + edgeitems);
        }
    }
}
