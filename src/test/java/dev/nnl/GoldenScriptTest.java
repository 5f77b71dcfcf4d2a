package dev.nnl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnl.interp.FileAccess;
import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.NnlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script under src/test/resources/nnl and samples/. A script ends with {@code # expect:} lines (the exact
 * printed output; numbers compare to 1e-6 relative) or one {@code # expect-error: LINE:COL text} line. The clock that fit
 * reports timings with stands still, so its progress lines are reproducible. A script that reads external data names
 * each file in a {@code # needs: PATH} line (relative to the repository root, the working directory of the tests); when
 * one is absent the script is skipped, visibly, instead of failing on a fresh clone. A {@code # test args: A B} line
 * gives the script's arguments for the test (a sample's shorter run), and its expected output is that run's.
 */
class GoldenScriptTest {
    static final Path ROOT = Path.of(System.getProperty("nnl.root", "."));

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException {
        return scripts(ROOT.resolve("src/test/resources/nnl"));
    }

    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        return scripts(ROOT.resolve("samples"));
    }

    private static Stream<DynamicTest> scripts(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".nnl")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> runGolden(f)));
    }

    static void runGolden(Path file) throws IOException {
        Golden golden = Golden.parse(Files.readString(file));
        assertTrue(golden.hasExpectation(), file + " has no # expect: or # expect-error: lines");
        for (String need : golden.needs()) assumeTrue(Files.exists(ROOT.resolve(need)), file + " needs " + need + ", which is absent");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        NnlException error = null;
        try {
            new ScriptRunner(out, null, FileAccess.unrestricted()).run(ScriptRunner.read(file), golden.args(), s -> s.setClock(() -> 0L));
        } catch (NnlException e) {
            error = e;
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        if (golden.expectedError() != null) {
            if (error == null) fail(file + ": expected error '" + golden.expectedError() + "' but it ran; printed:\n" + printed);
            Diagnostic d = error.diagnostics().get(0);
            String actual = d.span().line() + ":" + d.span().column() + " " + d.message();
            assertTrue(actual.startsWith(golden.expectedError()),
                    file + ": expected error\n  " + golden.expectedError() + "\nbut got\n  " + actual);
            return;
        }
        if (error != null) fail(file + " failed:\n" + error.render() + "\nprinted so far:\n" + printed);
        OutputComparison.assertMatches(golden.expectedOutput(), printed, file.toString());
    }

    /** The expectations written at the end of a golden script. */
    record Golden(String expectedOutput, String expectedError, List<String> needs, List<String> args) {
        boolean hasExpectation() { return expectedOutput != null || expectedError != null; }

        static Golden parse(String text) {
            StringBuilder out = null;
            String error = null;
            List<String> needs = new ArrayList<>();
            List<String> args = List.of();
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("# needs:")) needs.add(line.substring("# needs:".length()).trim());
                else if (line.startsWith("# test args:")) args = List.of(line.substring("# test args:".length()).trim().split("\\s+"));
                else if (line.startsWith("# expect-error:")) error = line.substring("# expect-error:".length()).trim();
                else if (line.startsWith("# expect:")) {
                    if (out == null) out = new StringBuilder();
                    String rest = line.substring("# expect:".length());
                    out.append(rest.startsWith(" ") ? rest.substring(1) : rest).append('\n');
                }
            }
            return new Golden(out == null ? null : out.toString(), error, needs, args);
        }
    }

}
