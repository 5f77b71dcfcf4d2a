package dev.nnl.syntax;

/**
 * One error report: position, message, the source line with a caret under the culprit, and an optional hint.
 * Every front end (parser, checker, interpreter, executor) reports through this type.
 */
public record Diagnostic(Kind kind, Span span, String message, String hint) {

    /** Static errors exit with 65 (EX_DATAERR), runtime errors with 70 (EX_SOFTWARE). */
    public enum Kind {
        SYNTAX(65), NAME(65), TYPE(65), RUNTIME(70);

        public final int exitCode;

        Kind(int exitCode) { this.exitCode = exitCode; }
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        if (span == null) {
            out.append("error: ").append(message);
        } else {
            out.append(span.position()).append(": error: ").append(message);
            String line = span.source().line(span.line());
            if (!line.isEmpty()) {
                out.append('\n').append("  ").append(line).append('\n').append("  ");
                int col = Math.min(span.column(), line.length() + 1);
                for (int i = 1; i < col; i++) out.append(line.charAt(i - 1) == '\t' ? '\t' : ' ');
                int width = Math.max(1, Math.min(span.length(), line.length() - col + 1));
                out.append("^".repeat(width));
            }
        }
        if (hint != null && !hint.isEmpty()) out.append('\n').append("hint: ").append(hint);
        return out.toString();
    }
}
