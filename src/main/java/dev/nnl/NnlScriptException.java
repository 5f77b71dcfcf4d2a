package dev.nnl;

import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.NnlException;
import java.util.List;

/**
 * A script failed: a syntax, name, arity or shape error found before running (exit code 65), or an error while
 * running (70). The message is the rendered diagnostic: {@code file:line:col: error: message}, the source line and
 * a caret.
 */
public final class NnlScriptException extends RuntimeException {
    private final List<Diagnostic> diagnostics;
    private final int exitCode;

    NnlScriptException(NnlException e) {
        super(e.render(), e.getCause());
        this.diagnostics = e.diagnostics();
        this.exitCode = e.exitCode();
    }

    /** Every error found, first one first. */
    public List<Diagnostic> diagnostics() { return diagnostics; }

    /** The kind of the first error: SYNTAX, NAME and TYPE are static, RUNTIME happened while running. */
    public Diagnostic.Kind kind() {
        return diagnostics.isEmpty() ? Diagnostic.Kind.RUNTIME : diagnostics.get(0).kind();
    }

    /** What the {@code nnl} command would exit with: 65 for a static error, 70 for a runtime error. */
    public int exitCode() { return exitCode; }
}
