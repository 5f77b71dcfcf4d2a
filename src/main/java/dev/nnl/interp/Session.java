package dev.nnl.interp;

import dev.nnl.exec.PlanCache;
import dev.nnl.ir.Graph;
import dev.nnl.lib.Library;
import dev.nnl.text.PrintOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything one running program owns: output, random streams, the graph with its variables, print options,
 * imported modules and file access.
 * The CLI, the REPL and embedding hosts each make one; sessions never share state.
 */
public final class Session {
    private static final BuiltinTable BUILTINS = Library.builtins();
    private static final MethodTable METHODS = Library.methods();

    private final PrintStream out;
    private final RandomStreams random;
    private final FileAccess files;
    private final Graph graph = new Graph();
    private final PlanCache plans = new PlanCache();
    private final Map<Path, Module> modules = new HashMap<>();
    private final Set<Path> importing = new HashSet<>();
    private PrintOptions printOptions = PrintOptions.DEFAULTS;

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

    public FileAccess files() { return files; }

    public PrintOptions printOptions() { return printOptions; }

    public void setPrintOptions(PrintOptions options) { this.printOptions = options; }

    Map<Path, Module> modules() { return modules; }

    Set<Path> importing() { return importing; }
}
