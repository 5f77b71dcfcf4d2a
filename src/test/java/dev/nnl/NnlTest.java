package dev.nnl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.syntax.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The embedding facade: values in and out, calls, errors, isolation, one thread at a time, time limits. */
class NnlTest {
    private static final String TRAIN = """
            w = variable(random_normal([2, 1], stddev=1, seed=1))
            b = variable(zeros([1]))
            loss = mean(square(x @ w + b - y))
            train = sgd(0.05).minimize(loss)
            for i in range(300) { run(train) }
            w
            """;
    private static final String FIT = """
            model = sequential([dense(4, activation="relu"), dense(1)])
            model.compile(optimizer=adam(0.05), loss="mse")
            model.fit(x, y, batch_size=2, epochs=40, verbose=0)
            model.predict(x)
            """;

    @Test
    void aJavaMatrixGoesInAndTheResultComesOut() {
        try (Nnl nnl = Nnl.create()) {
            nnl.set("x", new float[][] {{1, 2}, {3, 4}});
            assertNull(nnl.eval("y = x @ x + 1"));
            assertArrayEquals(new double[] {8, 11, 16, 23}, nnl.get("y").toDoubleArray());
            assertArrayEquals(new long[] {2, 2}, nnl.get("y").asINDArray().shape());
            assertEquals("[[ 8. 11.]\n [16. 23.]]", nnl.get("y").asString());
            assertEquals(6L, nnl.eval("n = 2\nn * 3").asLong());
            assertEquals(3.5, nnl.eval("7 / 2").asDouble());
            assertEquals(10.0, nnl.eval("reduce_sum(x)").asDouble());
            assertNull(nnl.get("undefined"));
        }
    }

    @Test
    void javaValuesOfEveryKindConvert() {
        try (Nnl nnl = Nnl.create()) {
            nnl.set("d", new double[][] {{1.5}, {2.5}});
            nnl.set("i", new int[] {1, 2});
            nnl.set("l", new long[] {3});
            nnl.set("s", "hi");
            nnl.set("t", true);
            nnl.set("k", 7);
            nnl.set("a", Nd4j.createFromArray(1f, 2f));
            assertEquals("<dtype: 'float64'> <dtype: 'int32'> <dtype: 'int64'> hi True 7 <dtype: 'float32'>",
                    nnl.eval("\"{d.dtype} {i.dtype} {l.dtype} {s} {t} {k} {a.dtype}\"").asString());
            assertThrows(IllegalArgumentException.class, () -> nnl.set("r", new float[][] {{1}, {1, 2}}));
            assertThrows(IllegalArgumentException.class, () -> nnl.set("o", new Object()));
        }
    }

    @Test
    void callRunsAScriptFunctionOrABuiltinWithJavaArguments() {
        try (Nnl nnl = Nnl.create()) {
            nnl.eval("def affine(a, x, b=1) = a * x + b");
            assertArrayEquals(new double[] {3, 5}, nnl.call("affine", 2.0, new double[] {1, 2}).toDoubleArray());
            assertArrayEquals(new float[] {2, 3}, nnl.call("sqrt", new float[] {4, 9}).toFloatArray());
            NnlScriptException e = assertThrows(NnlScriptException.class, () -> nnl.call("affine", 1));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> nnl.call("nothing_here"));
        }
    }

    @Test
    void scriptErrorsCarryTheRenderedDiagnosticAndTheirKind() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Nnl nnl = Nnl.builder().error(new PrintStream(err, true, StandardCharsets.UTF_8)).build()) {
            NnlScriptException runtime = assertThrows(NnlScriptException.class, () -> nnl.eval("xs = [1, 2]\nprint(xs[5])"));
            assertEquals(70, runtime.exitCode());
            assertEquals(Diagnostic.Kind.RUNTIME, runtime.kind());
            assertTrue(runtime.getMessage().startsWith("<eval>:2:7: error: index 5 is out of range for length 2\n  print(xs[5])\n        ^"),
                    runtime.getMessage());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("index 5 is out of range"));
            NnlScriptException undefined = assertThrows(NnlScriptException.class, () -> nnl.eval("print(xs + y9)"));
            assertEquals(65, undefined.exitCode());
            assertEquals(Diagnostic.Kind.NAME, undefined.kind());
            assertTrue(undefined.getMessage().startsWith("<eval>:1:12: error: undefined name 'y9'"), undefined.getMessage());
        }
    }

    @Test
    void sessionsAreIsolated() {
        try (Nnl a = Nnl.create(); Nnl b = Nnl.create()) {
            a.eval("x = tensor([1., 2.])");
            assertNull(b.get("x"));
            b.set("x", a.get("x"));
            assertEquals("[2. 4.]", b.eval("x * 2").asString());
            a.eval("w = variable(zeros([1]))");
            assertThrows(IllegalArgumentException.class, () -> b.set("f", a.eval("def f(q) = q\nf")));
        }
    }

    @Test
    void twoSessionsTrainingInParallelGetWhatEachGetsAlone() throws Exception {
        assertSameInParallelAsAlone(TRAIN);
    }

    @Test
    void twoSessionsFittingKerasModelsInParallelGetWhatEachGetsAlone() throws Exception {
        assertSameInParallelAsAlone(FIT);
    }

    /** Runs {@code script} alone, then twice at once in two threads (one session each): all three agree exactly. */
    private static void assertSameInParallelAsAlone(String script) throws Exception {
        double[] alone = train(script);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<double[]> first = pool.submit(() -> train(script));
            Future<double[]> second = pool.submit(() -> train(script));
            assertArrayEquals(alone, first.get());
            assertArrayEquals(alone, second.get());
        } finally {
            pool.shutdown();
        }
    }

    private static double[] train(String script) {
        try (Nnl nnl = Nnl.builder().seed(7).build()) {
            nnl.set("x", new float[][] {{0, 1}, {1, 0}, {1, 1}, {2, 1}});
            nnl.set("y", new float[][] {{1}, {2}, {3}, {5}});
            return nnl.eval(script).toDoubleArray();
        }
    }

    @Test
    void aSecondThreadIsRefusedWhileOneIsInside() throws Exception {
        CountDownLatch printing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutputStream blocking = new OutputStream() {
            @Override
            public void write(int b) {
                printing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (Nnl nnl = Nnl.builder().output(new PrintStream(blocking, true)).build()) {
            Thread worker = new Thread(() -> nnl.eval("print(1)"), "nnl-worker");
            worker.start();
            printing.await();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> nnl.eval("1"));
            assertTrue(e.getMessage().contains("in use by thread 'nnl-worker'"), e.getMessage());
            release.countDown();
            worker.join();
            assertEquals(1L, nnl.eval("1").asLong());
        }
    }

    @Test
    void aRunPastItsTimeLimitStops() {
        try (Nnl nnl = Nnl.builder().timeLimit(Duration.ofSeconds(1)).build()) {
            NnlScriptException e = assertThrows(NnlScriptException.class, () -> nnl.eval("n = 0\nwhile true { n += 1 }"));
            assertTrue(e.getMessage().startsWith("<eval>:2:1: error: time limit of 1 s exceeded"), e.getMessage());
            assertEquals(70, e.exitCode());
            assertTrue(nnl.get("n").asLong() > 0);
            assertEquals(2L, nnl.eval("1 + 1").asLong());
        }
        try (Nnl nnl = Nnl.builder().timeLimit(Duration.ofMillis(200)).build()) {
            nnl.eval("def spin(k) { for i in range(k) { } }");
            NnlScriptException e = assertThrows(NnlScriptException.class, () -> nnl.call("spin", Long.MAX_VALUE));
            assertTrue(e.getMessage().contains("time limit of 200 ms exceeded"), e.getMessage());
        }
    }

    @Test
    void aClosedSessionRefusesWork() {
        Nnl nnl = Nnl.create();
        nnl.close();
        assertThrows(IllegalStateException.class, () -> nnl.eval("1"));
    }
}
