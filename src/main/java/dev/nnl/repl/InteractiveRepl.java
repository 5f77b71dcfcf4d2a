package dev.nnl.repl;

import java.nio.file.Path;
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
 * The REPL on a terminal (JLine): line editing, persistent history, multi-line input while a block or bracket is
 * open, syntax highlighting, and tab completion of names, fields and named arguments ({@link Completion}).
 */
public final class InteractiveRepl {
    private InteractiveRepl() {}

    /** Reads chunks from the terminal until :quit or Ctrl-D, keeping the history in {@code history}. */
    public static void run(Repl repl, Terminal terminal, Path history) {
        repl.outputIsTerminal();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .parser(new ChunkParser())
                .completer((r, line, candidates) -> {
                    for (String c : Completion.candidates(repl, line.line(), line.cursor())) {
                        // no space after a completion: a call's parenthesis or a field's dot usually follows
                        candidates.add(new Candidate(c, c.substring(c.lastIndexOf('.') + 1), null, null, null, null, false));
                    }
                })
                .highlighter(new Highlighting(repl))
                .variable(LineReader.HISTORY_FILE, history)
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

    /**
     * Asks JLine for another line while the input is unfinished, and splits words as {@link Completion} reads them.
     * Quotes and escapes are the language's business: completions are inserted as they are, never escaped.
     */
    private static final class ChunkParser extends DefaultParser {
        ChunkParser() {
            setQuoteChars(new char[0]);
            setEscapeChars(new char[0]);
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && Repl.needsMore(line)) {
                throw new EOFError(-1, -1, "unfinished input");
            }
            return super.parse(line, cursor, context);
        }

        @Override
        public boolean isDelimiterChar(CharSequence buffer, int pos) {
            return !Completion.isWordChar(buffer.charAt(pos));
        }
    }
}
