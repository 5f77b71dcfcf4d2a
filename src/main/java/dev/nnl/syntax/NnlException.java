package dev.nnl.syntax;

import java.util.List;

/** An error in a script, carrying one or more diagnostics; the CLI prints them and exits with their code. */
public class NnlException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public NnlException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public NnlException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public NnlException(Diagnostic diagnostic, Throwable cause) {
        super(diagnostic.message(), cause);
        this.diagnostics = List.of(diagnostic);
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }

    public int exitCode() {
        return diagnostics.isEmpty() ? 70 : diagnostics.get(0).kind().exitCode;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (out.length() > 0) out.append('\n');
            out.append(d.render());
        }
        return out.toString();
    }
}
