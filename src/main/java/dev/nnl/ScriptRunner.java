package dev.nnl;

import dev.nnl.check.Checker;
import dev.nnl.interp.FileAccess;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.Session;
import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.NnlException;
import dev.nnl.syntax.ScriptParser;
import dev.nnl.syntax.Source;
import dev.nnl.syntax.Stmt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads, checks and runs one script file; the CLI and the tests go through here. */
public final class ScriptRunner {
    private final PrintStream out;
    private final Long seed;
    private final FileAccess files;

    public ScriptRunner(PrintStream out, Long seed, FileAccess files) {
        this.out = out;
        this.seed = seed;
        this.files = files;
    }

    public static Source read(Path file) {
        try {
            return new Source(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new NnlException(new Diagnostic(Diagnostic.Kind.RUNTIME, null, "no such file: " + file,
                    "check the path; it is relative to the current directory"));
        } catch (IOException e) {
            throw new NnlException(new Diagnostic(Diagnostic.Kind.RUNTIME, null, "cannot read " + file + ": " + e.getMessage(), null));
        }
    }

    /** Parses and checks; throws with every static error found. */
    public List<Stmt> check(Source source) {
        List<Stmt> program = ScriptParser.parse(source);
        List<Diagnostic> problems = new Checker(new Session(out, seed, files).builtins()).check(program, "argv"::equals);
        if (!problems.isEmpty()) throw new NnlException(problems);
        return program;
    }

    public void run(Source source, List<String> args) {
        run(source, args, session -> { });
    }

    /** Runs a script in a new session that {@code prepare} may configure first; returns the session. */
    public Session run(Source source, List<String> args, Consumer<Session> prepare) {
        List<Stmt> program = check(source);
        Session session = new Session(out, seed, files);
        prepare.accept(session);
        Path file = Path.of(source.name()).toAbsolutePath();
        Interpreter interpreter = new Interpreter(session, file.getParent());
        interpreter.globals().define("argv", new NnlList(new ArrayList<>(args)));
        interpreter.run(program);
        return session;
    }
}
