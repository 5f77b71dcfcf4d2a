package dev.nnl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** samples/embedding: a plain Java program compiled against NNL, run, and checked for what its model learned. */
class EmbeddingSampleTest {
    private static final Path SAMPLE = Path.of(System.getProperty("nnl.root", "."), "samples/embedding/TrainFromJava.java");

    @TempDir
    Path classes;

    @Test
    void theSampleCompilesTrainsAndPredicts() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "--release", "17", "-cp", System.getProperty("java.class.path"),
                "-d", classes.toString(), SAMPLE.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        assertEquals("""
                training accuracy 1.00
                (-1.2, -0.8) is 0 with probability 1.00
                (0.9, 1.3) is 1 with probability 1.00
                (-0.2, -0.1) is 0 with probability 0.94
                """, runMain(classes.toUri().toURL(), "TrainFromJava"));
    }

    /** Runs a class's main in this JVM and returns what it printed. */
    private static String runMain(URL classes, String className) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, EmbeddingSampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
