package dev.nnl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tab completion: names, members after a dot and the named parameters of the call being typed. */
class CompletionTest {
    private Repl repl;

    @BeforeEach
    void session() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        repl = new Repl(quiet, quiet, null);
        repl.submit("""
                model Net {
                    hidden = dense(4)
                    out = dense(2)
                    call(x) = out(hidden(x))
                }
                net = Net()
                x = zeros([2, 3])
                def scale(value, factor=2) = value * factor
                """);
    }

    private List<String> complete(String line) {
        return Completion.candidates(repl, line, line.length());
    }

    @Test
    void builtinsKeywordsAndDefinedNames() {
        assertEquals(List.of("dense"), complete("dens"));
        assertEquals(List.of("print(dense"), complete("print(dens").stream().map(c -> "print(" + c).toList());
        assertTrue(complete("ne").contains("net"));
        assertTrue(complete("ne").contains("newaxis"));
        assertTrue(complete("whi").contains("while"));
        assertEquals(List.of(), complete("3"));
    }

    @Test
    void membersAfterADot() {
        List<String> members = complete("net.");
        for (String m : List.of("net.hidden", "net.out", "net.call", "net.fit", "net.compile", "net.summary",
                "net.trainable_variables", "net.name")) {
            assertTrue(members.contains(m), m + " in " + members);
        }
        assertEquals(List.of("net.hidden"), complete("net.hid"));
        assertTrue(complete("net.hidden.").contains("net.hidden.trainable_variables"));
        assertTrue(complete("x.").containsAll(List.of("x.shape", "x.dtype", "x.numpy", "x.reshape")));
        assertTrue(complete("tf.nn.").contains("tf.nn.relu"));
        assertEquals(List.of(), complete("nothing."));
        assertEquals(List.of(), complete("x[0]."));
    }

    @Test
    void namedParametersOfTheCallBeingTyped() {
        assertEquals(List.of("activation="), complete("dense(3, activ"));
        assertEquals(List.of("factor="), complete("y = scale(x, fac"));
        assertTrue(complete("net.fit(x, y, ep").contains("epochs="));
        assertTrue(complete("tf.nn.softmax(x, ax").contains("axis="));
        assertFalse(complete("print(dense(3), activ").contains("activation="), "the dense call is closed");
        assertTrue(complete("dense(3, activation=\"relu\", use").contains("use_bias="), "a string does not close the call");
        assertTrue(complete("[dense(int(3), ").contains("units="));
    }

    @Test
    void theInnermostOpenCallIsFound() {
        assertEquals("m.fit", Completion.enclosingCall("m.fit(x, [1, 2], "));
        assertEquals("dense", Completion.enclosingCall("sequential([dense("));
        assertNull(Completion.enclosingCall("sequential([dense(3), "));
        assertNull(Completion.enclosingCall("(a + "));
    }
}
