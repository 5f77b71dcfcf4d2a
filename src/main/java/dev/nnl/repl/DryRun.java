package dev.nnl.repl;

import dev.nnl.interp.Environment;
import dev.nnl.interp.FileAccess;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.Session;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.InputOp;
import dev.nnl.ir.TensorType;
import dev.nnl.syntax.Stmt;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the expression of a command (:type, :ir, :summary) without changing the session: in a scratch session
 * that discards its output, may touch no files, has its own random streams, graph and layer names, builds no layers
 * and stops after a few seconds, over the session's global names.
 *
 * <p>The scratch session is left to the garbage collector rather than closed: objects of the real session may
 * have kept something made in it (an optimizer's slot variables).
 */
final class DryRun {
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private final Session scratch = new Session(new PrintStream(OutputStream.nullOutputStream()), null, FileAccess.under(List.of()));
    private final Environment globals = new Environment(null);

    private DryRun() {
        scratch.layers().freeze();
        scratch.setTimeLimit(TIME_LIMIT);
    }

    /** The value of {@code expr} over the session's values as they are. */
    static Object value(Stmt.ExprStmt expr, Map<String, Object> names) {
        DryRun run = new DryRun();
        run.globals.values().putAll(names);
        return run.evaluate(expr);
    }

    /**
     * The value of {@code expr} where every tensor, variable and recipe of the session is replaced by an input of its
     * type: operations on them infer their result types and compute nothing.
     */
    static Object symbolic(Stmt.ExprStmt expr, Map<String, Object> names) {
        DryRun run = new DryRun();
        names.forEach((name, v) -> run.globals.define(name, run.standIn(name, v)));
        return run.evaluate(expr);
    }

    private Object standIn(String name, Object v) {
        TensorType type = TensorCalls.typeOf(v);
        if (type == null) return v;
        return new GraphTensor(scratch.graph().node(InputOp.INSTANCE, List.of(), Attrs.of("type", type, "name", name), type, null, null), null);
    }

    private Object evaluate(Stmt.ExprStmt expr) {
        scratch.startClock();
        return new Interpreter(scratch, Path.of("").toAbsolutePath(), globals).runStatement(expr);
    }
}
