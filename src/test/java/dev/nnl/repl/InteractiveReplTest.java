package dev.nnl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL on a terminal: keys typed into an xterm that JLine drives, with tab completion and persistent history. */
class InteractiveReplTest {
    @TempDir
    Path home;

    /** Types {@code keys} into an interactive session and returns what its statements printed. */
    private String type(String keys) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Repl repl = new Repl(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, null);
        PipedOutputStream keyboard = new PipedOutputStream();
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm")
                .streams(new PipedInputStream(keyboard), new ByteArrayOutputStream()).size(new Size(80, 24)).build()) {
            Thread session = new Thread(() -> InteractiveRepl.run(repl, terminal, home.resolve("history")));
            session.start();
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            session.join(60_000);
            assertFalse(session.isAlive(), "the session did not end");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tabCompletesDensToDense() throws Exception {
        assertEquals("<Dense dense>\n", type("dens\t(2)\r:quit\r"));
        assertTrue(Files.readString(home.resolve("history")).contains("dense(2)"), "the line is in the history file");
    }

    @Test
    void tabCompletesNamedArgumentsAndFields() throws Exception {
        String printed = type("""
                model Net {\r  hidden = dense(4, activ\t"relu")\r  call(x) = hidden(x)\r}\r\
                net = Net()\r\
                net.hid\t.name\r\
                :quit\r""");
        assertTrue(printed.contains("net: Net net (not built)\n"), printed);
        assertTrue(printed.endsWith("'dense'\n"), printed);
    }
}
