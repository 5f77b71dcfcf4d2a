package dev.nnl.repl;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The REPL on a terminal (JLine): line editing, persistent history in ~/.nnl_history, multi-line input while a
 * block or bracket is open, and tab completion of builtins and the session's names.
 */
public final class InteractiveRepl {
    private InteractiveRepl() {}

    public static void run(Repl repl, Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .parser(new ChunkParser())
                .completer((r, line, candidates) -> complete(repl, line, candidates))
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".nnl_history"))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...  ")
                .build();
        terminal.writer().println("NNL — :help for help, :quit or Ctrl-D to leave");
        while (true) {
            String chunk;
            try {
                chunk = reader.readLine("nnl> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            if (!repl.submit(chunk)) return;
        }
    }

    /** Asks JLine for another line while the input is unfinished. */
    private static final class ChunkParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && Repl.needsMore(line)) {
                throw new EOFError(-1, -1, "unfinished input");
            }
            return super.parse(line, cursor, context);
        }
    }

    private static void complete(Repl repl, ParsedLine line, List<Candidate> candidates) {
        TreeSet<String> names = new TreeSet<>(repl.session().builtins().all().keySet());
        names.addAll(repl.globals().keySet());
        for (String n : names) candidates.add(new Candidate(n));
    }
}
