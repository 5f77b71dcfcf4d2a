package dev.nnl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The REPL read from a pipe: values of expressions, echoes, multi-line blocks, errors that do not end it, commands. */
class ReplTest {
    private record Result(String out, String err) {}

    private static Result session(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Repl repl = new Repl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null);
        repl.runPlain(new BufferedReader(new StringReader(input)));
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsExpressionValuesAndEchoesDefinitions() throws IOException {
        Result r = session("x = tensor([1., 2.])\nx * 2\n\"text\"\nn = 3\n");
        assertEquals("x: [2] float32\n[2. 4.]\n'text'\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void continuesOpenBlocksAndBracketsOnTheNextLine() throws IOException {
        Result r = session("def f(a) {\n  return a + 1\n}\nprint(f(1),\n  f(2))\n");
        assertEquals("2 3\n", r.out());
    }

    @Test
    void anErrorPrintsWithItsCaretAndTheSessionGoesOn() throws IOException {
        Result r = session("y = nope + 1\nz = 5\nz\n");
        assertTrue(r.err().contains("<repl>:1:5: error: undefined name 'nope'"), r.err());
        assertTrue(r.err().contains("^^^^"), r.err());
        assertEquals("5\n", r.out());
    }

    @Test
    void commandsListResetAndQuit() throws IOException {
        Result r = session("a = 1\n:vars\n:reset\n:vars\n:help\n:quit\nprint(\"not reached\")\n");
        assertTrue(r.out().startsWith("a: int\nnew session\n"), r.out());
        assertTrue(r.out().contains(":load FILE"), r.out());
        assertFalse(r.out().contains("not reached"), r.out());
        assertTrue(session(":nonsense\n").err().contains("unknown command :nonsense"));
    }

    @Test
    void needsMoreOnlyWhileSomethingIsOpen() {
        assertTrue(Repl.needsMore("if true {\n"));
        assertTrue(Repl.needsMore("f(1,\n"));
        assertFalse(Repl.needsMore("f(1)\n"));
        assertFalse(Repl.needsMore("f(1))\n"), "a syntax error is reported, not waited on");
    }
}
