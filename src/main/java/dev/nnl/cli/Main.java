package dev.nnl.cli;

import dev.nnl.ScriptRunner;
import dev.nnl.exec.PlanListing;
import dev.nnl.interp.FileAccess;
import dev.nnl.interp.Session;
import dev.nnl.opt.PassManager;
import dev.nnl.repl.InteractiveRepl;
import dev.nnl.repl.Repl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import dev.nnl.syntax.NnlException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code nnl} command: run or check a script. Exit codes: 0 ok, 64 bad usage, 65 static error, 70 runtime error. */
@Command(name = "nnl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "NNL: a small language for neural networks.",
        subcommands = {Main.Run.class, Main.Check.class, Main.Ir.class, Main.ReplCommand.class})
public final class Main implements Callable<Integer> {
    private static PrintStream OUT;
    private static PrintStream ERR;

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Check a script, then run it.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin(name = "common")
        CommonMixin common;

        @CommandLine.Mixin
        ScriptArguments script;

        @Override
        public Integer call() {
            return execute(common, () -> {
                ScriptRunner runner = new ScriptRunner(OUT, common.seed, common.files());
                runner.run(ScriptRunner.read(script.file), script.args, s -> s.setTerminal(System.console() != null));
            });
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Find syntax, name, arity and shape errors without running anything.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin(name = "common")
        CommonMixin common;

        @Parameters(index = "0", paramLabel = "FILE.nnl", description = "The script.")
        Path file;

        @Override
        public Integer call() {
            return execute(common, () -> new ScriptRunner(OUT, common.seed, common.files()).check(ScriptRunner.read(file)));
        }
    }

    @Command(name = "ir", mixinStandardHelpOptions = true,
            description = "Run a script and print, for every plan it compiles, its IR before and after the passes.")
    static final class Ir implements Callable<Integer> {
        @CommandLine.Mixin(name = "common")
        CommonMixin common;

        @Option(names = "--passes", split = ",", description = "The passes to run (default: all of fold, cse).")
        List<String> passes = new ArrayList<>(PassManager.ALL);

        @Option(names = "--print-after-change", description = "Also print the IR after each pass that changed it.")
        boolean afterChange;

        @CommandLine.Mixin
        ScriptArguments script;

        @Override
        public Integer call() {
            PassManager pipeline;
            try {
                pipeline = PassManager.of(passes);
            } catch (IllegalArgumentException e) {
                ERR.println("error: " + e.getMessage());
                return 64;
            }
            PrintStream discard = new PrintStream(java.io.OutputStream.nullOutputStream());
            List<Session> session = new ArrayList<>();
            int code = execute(common, () -> new ScriptRunner(discard, common.seed, common.files()).run(ScriptRunner.read(script.file), script.args,
                    s -> {
                        s.plans().keepListings(pipeline);
                        session.add(s);
                    }));
            if (!session.isEmpty()) {
                for (PlanListing listing : session.get(0).plans().listings()) OUT.print(listing.render(afterChange));
            }
            return code;
        }
    }

    @Command(name = "repl", mixinStandardHelpOptions = true,
            description = "An interactive session (reads statements plainly when the input is not a terminal).")
    static final class ReplCommand implements Callable<Integer> {
        @CommandLine.Mixin(name = "common")
        CommonMixin common;

        @Override
        public Integer call() {
            Backend.threads(common.threads == null ? Backend.DEFAULT_THREADS : common.threads);
            Repl repl = new Repl(OUT, ERR, common.seed);
            try {
                if (System.console() != null) {
                    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                        InteractiveRepl.run(repl, terminal, Path.of(System.getProperty("user.home"), ".nnl_history"));
                    }
                } else {
                    repl.runPlain(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
                }
                return 0;
            } catch (IOException e) {
                ERR.println("error: " + e.getMessage());
                return 70;
            }
        }
    }

    /** The script to run and its arguments. */
    static final class ScriptArguments {
        @Parameters(index = "0", paramLabel = "FILE.nnl", description = "The script.")
        Path file;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script (in argv).")
        List<String> args = new ArrayList<>();
    }

    /** The shared options as a picocli mixin. */
    static final class CommonMixin {
        @Option(names = "--seed", description = "Seed TF's and numpy's random streams (as set_seed and np_seed).")
        Long seed;

        @Option(names = "--threads", description = "Threads for tensor operations (default: 1, the fastest for course-sized models).")
        Integer threads;

        @Option(names = "--trace", description = "On an error, also print the Java stack trace.")
        boolean trace;

        @Option(names = "--sandbox", arity = "1..*", description = "Allow file access only under these directories.")
        List<Path> sandbox;

        FileAccess files() {
            return sandbox == null ? FileAccess.unrestricted() : FileAccess.under(sandbox);
        }
    }

    /** With no command, an interactive session. */
    @Override
    public Integer call() {
        ReplCommand repl = new ReplCommand();
        repl.common = new CommonMixin();
        return repl.call();
    }

    private static int execute(CommonMixin common, Runnable body) {
        Backend.threads(common.threads == null ? Backend.DEFAULT_THREADS : common.threads);
        try {
            body.run();
            return 0;
        } catch (NnlException e) {
            OUT.flush();
            ERR.println(e.render());
            if (common.trace && e.getCause() != null) e.getCause().printStackTrace(ERR);
            return e.exitCode();
        } catch (RuntimeException | Error e) {
            OUT.flush();
            ERR.println("error: internal failure: " + e);
            if (common.trace) e.printStackTrace(ERR);
            else ERR.println("hint: run with --trace to see the Java stack");
            return 70;
        }
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"nnl " + (v == null ? "development build" : v)};
        }
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn to files, never to a display
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command line with the given streams and returns the exit code (one command at a time per JVM). */
    public static synchronized int run(String[] args, PrintStream out, PrintStream err) {
        OUT = out;
        ERR = err;
        String[] effective = args;
        // `nnl [options] FILE.nnl ...` is short for `nnl run [options] FILE.nnl ...`
        boolean scriptGiven = java.util.Arrays.stream(args).anyMatch(a -> a.endsWith(".nnl"));
        if (args.length > 0 && scriptGiven && !List.of("run", "check", "ir").contains(args[0])) {
            effective = new String[args.length + 1];
            effective[0] = "run";
            System.arraycopy(args, 0, effective, 1, args.length);
        }
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> 64);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return 64;
        });
        return cli.execute(effective);
    }
}
