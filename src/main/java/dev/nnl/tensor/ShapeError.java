package dev.nnl.tensor;

/** A shape or dtype that an operation cannot accept; raised both by the static checker and at run time. */
public final class ShapeError extends RuntimeException {
    private final String hint;

    public ShapeError(String message) {
        this(message, null);
    }

    public ShapeError(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    public String hint() { return hint; }
}
