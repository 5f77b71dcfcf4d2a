package dev.nnl;

import dev.nnl.check.Checker;
import dev.nnl.cli.Backend;
import dev.nnl.interp.Callable;
import dev.nnl.interp.FileAccess;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.Session;
import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.NnlException;
import dev.nnl.syntax.ScriptParser;
import dev.nnl.syntax.Source;
import dev.nnl.syntax.Stmt;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An NNL session embedded in a Java program. Each {@code Nnl} has its own variables, random streams, plans and
 * file access; any number of them may live in one JVM without seeing each other.
 *
 * <p>A session is used by one thread at a time: a thread that calls in while another is inside gets an
 * IllegalStateException naming that thread (use one session per thread, or hand it over between calls).
 * Errors in scripts throw {@link NnlScriptException}. Embedded sessions may touch no files unless the builder
 * grants directories.
 */
public final class Nnl implements AutoCloseable {
    private final Session session;
    private final Interpreter interpreter;
    private final PrintStream err;
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private boolean closed;

    private Nnl(Builder b) {
        if (b.threads != null) Backend.threads(b.threads);
        session = new Session(b.out, b.seed, FileAccess.under(b.roots));
        session.setTimeLimit(b.timeLimit);
        interpreter = new Interpreter(session, Path.of("").toAbsolutePath());
        err = b.err;
    }

    /** A session with the defaults: output to System.out, no file access, no time limit. */
    public static Nnl create() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    /**
     * Checks and runs statements in the session's global scope, where earlier evals' names stay defined.
     * Returns the value of the last expression statement that ran, or null if there was none or it was none.
     */
    public NnlValue eval(String code) {
        return run(new Source("<eval>", code), interpreter);
    }

    /** Checks and runs a file as {@link #eval}; its imports are relative to its directory. */
    public NnlValue evalFile(Path file) {
        return inside(() -> {
            Path absolute = file.toAbsolutePath();
            return run(ScriptRunner.read(absolute), new Interpreter(session, absolute.getParent(), interpreter.globals()));
        });
    }

    /**
     * Binds a global name to a Java value: a number, String, boolean, float[], float[][], double[], double[][],
     * int[], long[], INDArray, or an NnlValue.
     */
    public void set(String name, Object value) {
        inside(() -> {
            interpreter.globals().define(name, JavaValues.toNnl(value, session));
            return null;
        });
    }

    /** The value of a global name, or null if the name is undefined or none. */
    public NnlValue get(String name) {
        return inside(() -> wrap(interpreter.globals().values().get(name)));
    }

    /** The global names and their values (a snapshot). */
    public Map<String, NnlValue> globals() {
        return inside(() -> {
            Map<String, NnlValue> out = new LinkedHashMap<>();
            interpreter.globals().values().forEach((k, v) -> out.put(k, new NnlValue(v, session)));
            return out;
        });
    }

    /** Calls a script function (or a builtin) by name with Java arguments, converted as {@link #set} converts them. */
    public NnlValue call(String function, Object... args) {
        return inside(() -> {
            Object f = interpreter.globals().lookup(function, null);
            Object callee = f == null && session.builtins().has(function) ? session.builtins().get(function) : f;
            if (!(callee instanceof Callable)) throw new IllegalArgumentException("'" + function + "' is not a function of this session");
            List<Object> converted = new ArrayList<>();
            for (Object a : args) converted.add(JavaValues.toNnl(a, session));
            session.startClock();
            return wrap(reported(() -> interpreter.callFromHost(callee, converted)));
        });
    }

    /**
     * Parses and checks a script once, to run it later with {@link NnlProgram#eval}. Any name the script does not
     * define counts as defined, since the host may bind it before each run.
     */
    public NnlProgram compile(String code) {
        return inside(() -> new NnlProgram(this, check(new Source("<eval>", code), name -> true)));
    }

    NnlValue run(List<Stmt> program) {
        return inside(() -> execute(program, interpreter));
    }

    /** Ends the session; using it afterwards is an error. */
    @Override
    public void close() {
        inside(() -> {
            closed = true;
            session.close();
            return null;
        });
    }

    private NnlValue run(Source source, Interpreter in) {
        return inside(() -> execute(check(source, in.globals().values()::containsKey), in));
    }

    private List<Stmt> check(Source source, Predicate<String> predefined) {
        return reported(() -> {
            List<Stmt> program = ScriptParser.parse(source);
            List<Diagnostic> problems = new Checker(session.builtins()).check(program, predefined);
            if (!problems.isEmpty()) throw new NnlException(problems);
            return program;
        });
    }

    private NnlValue execute(List<Stmt> program, Interpreter in) {
        session.startClock();
        return reported(() -> {
            Object last = null;
            try {
                for (Stmt s : program) {
                    if (s instanceof Stmt.ExprStmt) last = in.runStatement(s);
                    else in.runStatement(s);
                }
            } finally {
                session.out().flush();
            }
            return wrap(last);
        });
    }

    private NnlValue wrap(Object v) {
        return v == null ? null : new NnlValue(v, session);
    }

    /** Turns a script error into an NnlScriptException, reporting it on the error stream first if there is one. */
    private <T> T reported(Supplier<T> body) {
        try {
            return body.get();
        } catch (NnlException e) {
            if (err != null) err.println(e.render());
            throw new NnlScriptException(e);
        }
    }

    /** Runs {@code body} as the session's only user; a second thread is refused rather than left to corrupt state. */
    private <T> T inside(Supplier<T> body) {
        Thread me = Thread.currentThread();
        Thread holder = owner.get();
        if (holder == me) return body.get(); // re-entry from this facade's own methods
        if (!owner.compareAndSet(null, me)) {
            Thread other = owner.get();
            throw new IllegalStateException("this NNL session is in use by thread '" + (other == null ? "?" : other.getName())
                    + "'; a session serves one thread at a time (use one session per thread)");
        }
        try {
            if (closed) throw new IllegalStateException("this NNL session is closed");
            return body.get();
        } finally {
            owner.set(null);
        }
    }

    /** Options of a new session. */
    public static final class Builder {
        private Long seed;
        private Integer threads;
        private PrintStream out = System.out;
        private PrintStream err;
        private List<Path> roots = List.of();
        private Duration timeLimit;

        private Builder() {}

        /** Seeds TF's and numpy's random streams, as {@code --seed} does. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** ND4J's thread count for tensor operations. ND4J has one per process, so this affects every session. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Where {@code print} writes (default System.out). */
        public Builder output(PrintStream out) {
            this.out = out;
            return this;
        }

        /** Where the diagnostic of a failing script is also printed (default: nowhere; the exception carries it). */
        public Builder error(PrintStream err) {
            this.err = err;
            return this;
        }

        /** The directories scripts may read and write below (default: none). */
        public Builder fileAccess(Path... roots) {
            this.roots = List.of(roots);
            return this;
        }

        /** How long each eval or call may run; past it the script stops at its next loop step or call. */
        public Builder timeLimit(Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        public Nnl build() { return new Nnl(this); }
    }
}
