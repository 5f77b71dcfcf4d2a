package dev.nnl.syntax;

/** A region of a script: 1-based line and column of its start, and its length on that line (for the caret). */
public record Span(Source source, int line, int column, int length) {

    public static Span of(Source source, int line, int column, int length) {
        return new Span(source, line, column, Math.max(1, length));
    }

    /** The smallest span that starts at this one and reaches the end of {@code other} (when on the same line). */
    public Span to(Span other) {
        if (other == null || other.line != line || other.column < column) return this;
        return new Span(source, line, column, other.column + other.length - column);
    }

    public String position() {
        return source.name() + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return position();
    }
}
