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
    void definitionsOfTensorsLayersAndModelsEchoTheirType() throws IOException {
        Result r = session("""
                x = random_normal([2, 3])
                d = dense(4)
                m = sequential([d])
                y = m(x)
                d = d
                n, (z, s) = 1, (zeros([1], dtype=int32), "s")
                """);
        assertEquals("""
                x: [2, 3] float32
                d: Dense dense (not built)
                m: Sequential sequential (not built)
                y: [2, 4] float32
                d: Dense dense, 16 parameters
                z: [1] int32
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void typeInfersWithoutRunningAnything() throws IOException {
        Result r = session("""
                x = tensor([[1., 2.], [3., 4.]])
                w = variable(ones([2, 1]))
                inp = input([batch, 2])
                :type x @ w
                :type reduce_mean(inp @ w, axis=1)
                :type x.shape
                :type print(x)
                :type w
                """);
        assertEquals("""
                x: [2, 2] float32
                w: [2, 1] float32
                inp: [batch, 2] float32
                [2, 1] float32
                [batch] float32
                tuple
                none
                [2, 1] float32
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void typeLeavesTheSessionAsItWas() throws IOException {
        String draws = session("set_seed(1)\nrandom_normal([2])\n").out();
        assertEquals(draws, session("set_seed(1)\n:type random_normal([2])\nrandom_normal([2])\n").out().replace("[2] float32\n", ""));
        Result r = session("""
                m = sequential([dense(2)])
                :type m(zeros([3, 4]))
                m
                """);
        assertTrue(r.err().contains("layer 'sequential' (Sequential): is not built yet, and a dry run does not build layers"), r.err());
        assertTrue(r.out().endsWith("<Sequential sequential>\n"), r.out());
        Result built = session("""
                m = sequential([dense(2), batch_norm()])
                y = m(ones([1, 4]))
                :type m(ones([5, 3, 4]), training=true)
                :summary m
                """);
        assertEquals("", built.err());
        assertTrue(built.out().contains("[5, 3, 2] float32\n"), built.out());
        assertTrue(built.out().contains("(None, 2)"), built.out());
    }

    @Test
    void typeReportsShapeErrorsWithTheirCaret() throws IOException {
        Result r = session("x = zeros([2, 3])\n:type x @ x\n:type\n:type y = 1\n");
        assertTrue(r.err().contains("<repl>:1:3: error: matmul of [2, 3] and [2, 3]: inner dimensions 3 and 2 differ\n  x @ x\n    ^"), r.err());
        assertTrue(r.err().contains("error: :type needs an expression"), r.err());
        assertTrue(r.err().contains("error: :type takes one expression, not statements"), r.err());
    }

    @Test
    void irPrintsTheOptimizedPlanOfARecipeOrAnEffect() throws IOException {
        Result r = session("""
                w = variable(ones([2, 1]), name="w")
                x = input([?, 2], name="x")
                y = x @ w * (2.0 * 3.0)
                :ir y
                train = sgd(0.1).minimize(reduce_mean(square(y)))
                :ir train
                :ir tensor([1.])
                """);
        assertTrue(r.out().contains("""
                after passes (fold: 0 nodes folded into constants; cse: 0 duplicate nodes merged):
                  %0   = const {value=6.0}  : [] float32  @ 1:11
                  %1   = read {variable=w}  : [2, 1] float32
                  %2   = input {name=x}  : [?, 2] float32  @ 1:5
                  %3   = matmul(%2, %1)  : [?, 1] float32  @ 1:7
                  %4   = multiply(%3, %0)  : [?, 1] float32  @ 1:11
                """), r.out());
        assertTrue(r.out().contains("section GradientDescent step 1\n"), r.out());
        assertTrue(r.out().contains("  write w -= %17\n"), r.out());
        assertTrue(r.err().startsWith("<repl>:1:1: error: no plan: [1] float32 is not a recipe, an effect or a variable"), r.err());
    }

    @Test
    void summaryPrintsAModelsLayers() throws IOException {
        Result r = session("""
                m = sequential([dense(3)])
                :summary m
                m.build([?, 4])
                :summary m
                :summary 3
                """);
        assertTrue(r.out().endsWith("""
                dense (Dense)                (None, 3)                 15       \s
                =================================================================
                Total params: 15
                Trainable params: 15
                Non-trainable params: 0
                _________________________________________________________________
                """), r.out());
        assertTrue(r.err().startsWith("<repl>:1:1: error: the model 'sequential' has not been built, so its shapes are unknown"), r.err());
        assertTrue(r.err().contains("<repl>:1:1: error: :summary shows models, not int"), r.err());
    }

    @Test
    void needsMoreOnlyWhileSomethingIsOpen() {
        assertTrue(Repl.needsMore("if true {\n"));
        assertTrue(Repl.needsMore("f(1,\n"));
        assertFalse(Repl.needsMore("f(1)\n"));
        assertFalse(Repl.needsMore("f(1))\n"), "a syntax error is reported, not waited on");
    }
}
