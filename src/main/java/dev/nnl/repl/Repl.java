package dev.nnl.repl;

import dev.nnl.check.Checker;
import dev.nnl.interp.FileAccess;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Printer;
import dev.nnl.interp.Session;
import dev.nnl.ir.Effect;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Node;
import dev.nnl.ir.Variable;
import dev.nnl.layers.Model;
import dev.nnl.layers.Summary;
import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.NnlException;
import dev.nnl.syntax.Pattern;
import dev.nnl.syntax.ScriptParser;
import dev.nnl.syntax.Source;
import dev.nnl.syntax.Span;
import dev.nnl.syntax.Stmt;
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
 * checked and run in one persistent scope; the value of every expression statement is printed, a definition of a
 * tensor, layer or model echoes its type, and an error prints with its caret while the session goes on.
 */
public final class Repl {
    static final String HELP = """
            Statements run as they are entered; an unfinished block or bracket continues on the next line.
            :help            this text
            :vars            the names defined so far, with their types
            :type EXPR       the shape and dtype of an expression (or its type), computing nothing
            :ir EXPR         the optimized plan of a recipe, an effect or a variable
            :summary MODEL   a model's layers, output shapes and parameter counts
            :time STATEMENT  run a statement and print how long it took
            :load FILE       run a script in this session
            :reset           forget everything and start a new session
            :quit            leave (also Ctrl-D)""";

    private final PrintStream out;
    private final PrintStream err;
    private final Long seed;
    private Session session;
    private Interpreter interpreter;
    private boolean terminal;

    public Repl(PrintStream out, PrintStream err, Long seed) {
        this.out = out;
        this.err = err;
        this.seed = seed;
        reset();
    }

    /** The output is a terminal: fit redraws one progress bar instead of printing a line per epoch. */
    void outputIsTerminal() {
        terminal = true;
        session.setTerminal(true);
    }

    private void reset() {
        if (session != null) session.close();
        session = new Session(out, seed, FileAccess.unrestricted());
        session.setTerminal(terminal);
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
        for (Stmt s : checked(code, name)) {
            Object value = interpreter.runStatement(s);
            if (s instanceof Stmt.ExprStmt && value != null) out.println(Printer.repr(value, session));
            if (s instanceof Stmt.Assign a) echo(a.target());
        }
        out.flush();
    }

    private List<Stmt> checked(String code, String name) {
        List<Stmt> program = ScriptParser.parse(new Source(name, code));
        List<Diagnostic> problems = new Checker(session.builtins()).check(program, globals()::containsKey);
        if (!problems.isEmpty()) throw new NnlException(problems);
        return program;
    }

    /** After {@code x = ...} (or {@code a, b = ...}): the type of each tensor, layer or model it defined. */
    private void echo(Pattern target) {
        if (target instanceof Pattern.Destructure d) {
            d.parts().forEach(this::echo);
        } else if (target instanceof Pattern.NameTarget n && ValueType.echoes(globals().get(n.name()))) {
            out.println(n.name() + ": " + ValueType.of(globals().get(n.name())));
        }
    }

    /** The argument of :type, :ir and :summary: one expression, checked against the session's names. */
    private Stmt.ExprStmt expression(String command, String code) {
        if (code.isEmpty()) throw failure(null, command + " needs an expression");
        List<Stmt> program = checked(code, "<repl>");
        if (program.size() == 1 && program.get(0) instanceof Stmt.ExprStmt e) return e;
        throw failure(program.get(0).span(), command + " takes one expression, not statements");
    }

    /** The optimized plan of the recipe, effect or variable an expression gives, compiled but not run. */
    private String plan(Stmt.ExprStmt e) {
        Object v = DryRun.value(e, globals());
        List<Node> fetches = v instanceof GraphTensor g ? List.of(g.node()) : v instanceof Variable var ? List.of(var.readNode()) : List.of();
        List<Effect> effects = v instanceof Effect effect ? List.of(effect) : List.of();
        if (fetches.isEmpty() && effects.isEmpty()) {
            throw failure(e.span(), "no plan: " + ValueType.of(v) + " is not a recipe, an effect or a variable",
                    "tensors get recipes from variables and inputs; other values are computed when their statement runs");
        }
        return session.plans().describe(fetches, effects).render(false);
    }

    private void summary(Stmt.ExprStmt e) {
        Object v = DryRun.value(e, globals());
        if (!(v instanceof Model model)) throw failure(e.span(), ":summary shows models, not " + ValueType.of(v));
        try {
            out.println(Summary.of(model));
        } catch (NnlError notBuilt) {
            throw failure(e.span(), notBuilt.getMessage(), notBuilt.hint());
        }
    }

    private static NnlException failure(Span span, String message) {
        return failure(span, message, null);
    }

    private static NnlException failure(Span span, String message, String hint) {
        return new NnlException(new Diagnostic(Diagnostic.Kind.RUNTIME, span, message, hint));
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
                sorted.forEach((k, v) -> out.println(k + ": " + ValueType.of(v)));
            }
            case ":type" -> out.println(ValueType.of(DryRun.symbolic(expression(parts[0], arg), globals())));
            case ":ir" -> out.print(plan(expression(parts[0], arg)));
            case ":summary" -> summary(expression(parts[0], arg));
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
