package dev.nnl.interp;

import dev.nnl.layers.LayerContext;
import java.util.function.LongSupplier;
import dev.nnl.exec.PlanCache;
import dev.nnl.ir.Graph;
import dev.nnl.lib.Library;
import dev.nnl.plot.Figure;
import dev.nnl.syntax.Span;
import dev.nnl.text.PrintOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything one running program owns: output, random streams, the graph with its variables, print options,
 * imported modules and file access.
 * The CLI, the REPL and embedding hosts each make one; sessions never share state.
 */
public final class Session implements AutoCloseable {
    private static final BuiltinTable BUILTINS = Library.builtins();
    private static final MethodTable METHODS = Library.methods();

    private final PrintStream out;
    private final RandomStreams random;
    private final FileAccess files;
    private final Graph graph = new Graph();
    private final LayerContext layers = new LayerContext();
    private final PlanCache plans = new PlanCache();
    private final Map<Path, Module> modules = new HashMap<>();
    private final Set<Path> importing = new HashSet<>();
    private PrintOptions printOptions = PrintOptions.DEFAULTS;
    private LongSupplier clock = System::nanoTime;
    private boolean terminal;
    private Duration timeLimit;
    private long deadline;
    private Figure figure;

    public Session(PrintStream out, Long seed, FileAccess files) {
        this.out = out;
        this.random = new RandomStreams(seed);
        this.files = files;
    }

    public BuiltinTable builtins() { return BUILTINS; }

    public MethodTable methods() { return METHODS; }

    public PrintStream out() { return out; }

    public RandomStreams random() { return random; }

    public Graph graph() { return graph; }

    public PlanCache plans() { return plans; }

    public LayerContext layers() { return layers; }

    public FileAccess files() { return files; }

    public PrintOptions printOptions() { return printOptions; }

    public void setPrintOptions(PrintOptions options) { this.printOptions = options; }

    /** The figure {@code plt.*} draws on, matplotlib's implicit one: made on first use, forgotten by plt.close(). */
    public Figure figure() {
        if (figure == null) figure = new Figure(Figure.WIDTH, Figure.HEIGHT);
        return figure;
    }

    public void setFigure(Figure figure) { this.figure = figure; }

    /** Nanoseconds for the durations fit reports; tests fix it so that printed timings are reproducible. */
    public LongSupplier clock() { return clock; }

    public void setClock(LongSupplier clock) { this.clock = clock; }

    /** Whether the output is a terminal, where fit redraws one progress bar instead of printing a line per epoch. */
    public boolean terminal() { return terminal; }

    public void setTerminal(boolean terminal) { this.terminal = terminal; }

    /** Limits how long each run may take (an embedding host's choice; null, the default, means no limit). */
    public void setTimeLimit(Duration limit) { this.timeLimit = limit; }

    /** Starts the clock for one run: an eval or call of an embedding host. */
    public void startClock() {
        if (timeLimit != null) deadline = System.nanoTime() + timeLimit.toNanos();
    }

    /** Called at loop iterations and calls, so that a run past its time limit stops there. */
    public void checkTime(Span span) {
        if (timeLimit != null && System.nanoTime() - deadline > 0) {
            throw Interpreter.runtime(span, "time limit of " + show(timeLimit) + " exceeded",
                    "the host application limits how long a run may take");
        }
    }

    private static String show(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    Map<Path, Module> modules() { return modules; }

    Set<Path> importing() { return importing; }

    /** Frees the session's native memory: its plans' buffers and its variables' large values. */
    @Override
    public void close() {
        plans.close();
        for (dev.nnl.ir.Variable v : graph.variables()) v.release();
    }
}
