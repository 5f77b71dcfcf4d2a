package dev.nnl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, messages with positions, and that check runs nothing. */
class MainTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private Result nnl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void runsAScriptWithOrWithoutTheRunCommand() throws IOException {
        String f = script("ok.nnl", "print(tensor([[3., 3.]]) @ tensor([[2.], [2.]]))\n");
        Result r = nnl("run", f);
        assertEquals(0, r.code(), r.err());
        assertEquals("[[12.]]\n", r.out());
        assertEquals("[[12.]]\n", nnl(f).out());
        assertEquals("[[12.]]\n", nnl("--seed", "3", f).out());
    }

    @Test
    void checkFindsAShapeMismatchWithoutRunningAnything() throws IOException {
        String f = script("bad.nnl", "print(\"ran\")\ny = tensor([[1., 2.]]) @ tensor([[1., 2.]])\n");
        Result r = nnl("check", f);
        assertEquals(65, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(f + ":2:24: error: matmul of [1, 2] and [1, 2]: inner dimensions 2 and 1 differ"), r.err());
        assertTrue(r.err().contains("\n  y = tensor([[1., 2.]]) @ tensor([[1., 2.]])\n                         ^"), r.err());
        assertEquals(65, nnl("run", f).code());
    }

    @Test
    void checkReportsUndefinedNamesAndMissingBraces() throws IOException {
        Result undefined = nnl("check", script("u.nnl", "x = 1\nprint(x + y2)\n"));
        assertEquals(65, undefined.code());
        assertTrue(undefined.err().contains("u.nnl:2:11: error: undefined name 'y2'"), undefined.err());
        Result brace = nnl("check", script("b.nnl", "if true {\n  print(1)\n"));
        assertEquals(65, brace.code());
        assertTrue(brace.err().contains("b.nnl:3:1: error: missing '}' to close the block opened at 1:9"), brace.err());
    }

    @Test
    void checkReportsWrongArityAndUnknownNamedArguments() throws IOException {
        Result r = nnl("check", script("a.nnl", "x = reduce_mean(tensor([1., 2.]), axs=0)\ny = zeros()\n"));
        assertEquals(65, r.code());
        assertTrue(r.err().contains("a.nnl:1:35: error: reduce_mean() has no parameter 'axs'; did you mean 'axis'?"), r.err());
        assertTrue(r.err().contains("a.nnl:2:5: error: zeros() is missing its argument 'shape'"), r.err());
    }

    @Test
    void aRuntimeErrorExitsWith70AndNamesThePosition() throws IOException {
        String f = script("rt.nnl", "print(\"before\")\nx = [1, 2, 3]\nprint(x[5])\n");
        Result r = nnl(f);
        assertEquals(70, r.code());
        assertEquals("before\n", r.out());
        assertTrue(r.err().startsWith(f + ":3:7: error: index 5 is out of range for length 3"), r.err());
    }

    @Test
    void aMissingFileIsAClearError() {
        Result r = nnl("run", dir.resolve("nope.nnl").toString());
        assertEquals(70, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void irPrintsEachPlanBeforeAndAfterThePassesWithPositions() throws IOException {
        String f = script("ir.nnl", """
                x = input([?, 2], name="x")
                w = variable(ones([2, 1]), name="w")
                loss = mean(pow(x @ w, 2.0))
                train = sgd(0.1).minimize(loss)
                run(train, feed={x: [[1., 2.]]})
                """);
        Result r = nnl("ir", "--print-after-change", f);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("section GradientDescent step 1\nbefore passes:"), r.out());
        assertTrue(r.out().contains("= matmul(%"), r.out());
        assertTrue(r.out().contains("= matmul(%1, %0)  : [?, 1] float32  @ 3:19"), r.out());
        assertTrue(r.out().contains("  write w -= %"), r.out());
        assertTrue(r.out().contains("after fold:"), r.out());
        Result only = nnl("ir", "--passes=cse", f);
        assertTrue(only.out().contains("(cse: "), only.out());
        assertEquals(64, nnl("ir", "--passes=nope", f).code());
    }

    @Test
    void theSandboxRefusesFilesOutsideItsDirectoriesAndNamesThem() throws IOException {
        Files.writeString(dir.resolve("lib.nnl"), "k = 3\n");
        String f = script("sb.nnl", "import \"lib.nnl\" as lib\nprint(lib.k)\nimport \"/etc/passwd\" as p\n");
        Result r = nnl("run", "--sandbox", dir.toString(), "--", f);
        assertEquals(70, r.code());
        assertEquals("3\n", r.out());
        assertTrue(r.err().startsWith(f + ":3:1: error: not allowed to read /etc/passwd"), r.err());
    }

    @Test
    void versionAndHelp() {
        Result v = nnl("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("nnl "), v.out());
        Result h = nnl("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("check"), h.out());
        assertEquals(64, nnl("--no-such-option").code());
    }
}
