package dev.nnl;

import dev.nnl.syntax.Stmt;
import java.util.List;

/** A script parsed and checked once by {@link Nnl#compile}, to be run any number of times in its session. */
public final class NnlProgram {
    private final Nnl session;
    private final List<Stmt> statements;

    NnlProgram(Nnl session, List<Stmt> statements) {
        this.session = session;
        this.statements = statements;
    }

    /** Runs the statements in the session's global scope; returns as {@link Nnl#eval} does. */
    public NnlValue eval() { return session.run(statements); }
}
