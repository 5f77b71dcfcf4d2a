package dev.nnl.repl;

import dev.nnl.check.Checker;
import dev.nnl.interp.FileAccess;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.Printer;
import dev.nnl.interp.Session;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.NnlException;
import dev.nnl.syntax.Pattern;
import dev.nnl.syntax.ScriptParser;
import dev.nnl.syntax.Source;
import dev.nnl.syntax.Stmt;
import dev.nnl.tensor.Shapes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interactive session: each chunk of input (a statement, or several lines while a block or bracket is open) is
 * checked and run in one persistent scope; the value of every expression statement is printed, a definition echoes
 * its shape and dtype, and an error prints with its caret while the session goes on.
 */
public final class Repl {
    static final String HELP = """
            Statements run as they are entered; an unfinished block or bracket continues on the next line.
            :help            this text
            :vars            the names defined so far, with their types
            :time STATEMENT  run a statement and print how long it took
            :load FILE       run a script in this session
            :reset           forget everything and start a new session
            :quit            leave (also Ctrl-D)""";

    private final PrintStream out;
    private final PrintStream err;
    private final Long seed;
    private Session session;
    private Interpreter interpreter;

    public Repl(PrintStream out, PrintStream err, Long seed) {
        this.out = out;
        this.err = err;
        this.seed = seed;
        reset();
    }

    private void reset() {
        if (session != null) session.close();
        session = new Session(out, seed, FileAccess.unrestricted());
        interpreter = new Interpreter(session, Path.of("").toAbsolutePath());
    }

    Session session() { return session; }

    Map<String, Object> globals() { return interpreter.globals().values(); }

    /** Reads statements from a pipe or file, chunk by chunk, to the end of the input or :quit. */
    public void runPlain(BufferedReader in) throws IOException {
        StringBuilder chunk = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            chunk.append(line).append('\n');
            if (needsMore(chunk.toString())) continue;
            boolean goOn = submit(chunk.toString());
            chunk.setLength(0);
            if (!goOn) return;
        }
        if (!chunk.toString().isBlank()) submit(chunk.toString());
    }

    /** Whether the text so far ends inside an open block, bracket or string interpolation. */
    static boolean needsMore(String text) {
        if (text.strip().startsWith(":")) return false;
        try {
            ScriptParser.parse(new Source("<repl>", text));
            return false;
        } catch (NnlException e) {
            String message = e.diagnostics().get(0).message();
            return message.startsWith("missing '") || message.startsWith("unexpected end of file");
        }
    }

    /** Runs one chunk: a command or statements. Returns false when the user asked to quit. */
    public boolean submit(String text) {
        String code = text.strip();
        if (code.isEmpty()) return true;
        try {
            if (code.startsWith(":")) return command(code);
            run(code, "<repl>");
        } catch (NnlException e) {
            err.println(e.render());
        }
        return true;
    }

    private void run(String code, String name) {
        List<Stmt> program = ScriptParser.parse(new Source(name, code));
        List<Diagnostic> problems = new Checker(session.builtins()).check(program, globals()::containsKey);
        if (!problems.isEmpty()) throw new NnlException(problems);
        for (Stmt s : program) {
            Object value = interpreter.runStatement(s);
            if (s instanceof Stmt.ExprStmt && value != null) out.println(Printer.repr(value, session));
            if (s instanceof Stmt.Assign a && a.target() instanceof Pattern.NameTarget n) echo(n.name());
        }
        out.flush();
    }

    /** After x = ..., a tensor's shape and dtype. */
    private void echo(String name) {
        Object v = globals().get(name);
        if (TensorCalls.isTensorLike(v)) {
            out.println(name + ": " + Shapes.show(TensorCalls.shapeOf(v)) + " " + TensorCalls.dtypeOf(v));
        }
    }

    private boolean command(String line) {
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":help" -> out.println(HELP);
            case ":vars" -> {
                Map<String, Object> sorted = new TreeMap<>(globals());
                sorted.forEach((k, v) -> out.println(k + ": " + Values.typeName(v)));
            }
            case ":reset" -> {
                reset();
                out.println("new session");
            }
            case ":time" -> {
                long start = System.nanoTime();
                run(arg, "<repl>");
                out.printf("%.3f s%n", (System.nanoTime() - start) / 1e9);
            }
            case ":load" -> load(arg);
            default -> err.println("unknown command " + parts[0] + "; :help lists the commands");
        }
        return true;
    }

    private void load(String file) {
        try {
            run(Files.readString(Path.of(file)), file);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
        }
    }
}
