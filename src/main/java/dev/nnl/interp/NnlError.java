package dev.nnl.interp;

/**
 * A runtime error raised by a builtin or an operator, before its position is known; the interpreter attaches the span
 * of the expression being evaluated and turns it into a diagnostic.
 */
public final class NnlError extends RuntimeException {
    private final String hint;

    public NnlError(String message) {
        this(message, null);
    }

    public NnlError(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    public String hint() { return hint; }
}
