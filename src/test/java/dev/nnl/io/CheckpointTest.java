package dev.nnl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.ir.Graph;
import dev.nnl.ir.Variable;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint format: round trip, atomic replacement, and a clear error for every kind of bad file. */
class CheckpointTest {
    @TempDir
    Path dir;

    private final Graph graph = new Graph();

    private Variable variable(String name, Tensor value) {
        return Variable.create(graph, name, value, true);
    }

    private static Map<String, Variable> byName(Variable... vs) {
        Map<String, Variable> out = new LinkedHashMap<>();
        for (Variable v : vs) out.put(v.name(), v);
        return out;
    }

    private static Tensor floats(long[] shape, float... v) {
        return Tensor.ofFloats(shape, v);
    }

    private static float[] values(Variable v) {
        double[] d = v.snapshot().doubles();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    private String error(Path file, Map<String, Variable> vars) {
        return assertThrows(NnlError.class, () -> Checkpoint.restore(file, vars)).getMessage();
    }

    @Test
    void roundTripKeepsEveryDtypeShapeAndValue() {
        List<Tensor> values = List.of(
                floats(new long[] {2, 3}, 1.5f, -2f, 0.1f, Float.MAX_VALUE, Float.MIN_VALUE, -0f),
                Tensor.scalar(Math.PI, DType.FLOAT64),
                Tensor.ofLongs(new long[] {3}, new long[] {-1, 0, Integer.MAX_VALUE}, DType.INT32),
                Tensor.ofLongs(new long[] {1, 2}, new long[] {Long.MIN_VALUE, 42}, DType.INT64),
                Tensor.ofLongs(new long[] {2}, new long[] {0, 255}, DType.UINT8),
                Tensor.ofBooleans(new long[] {2, 1}, new boolean[] {true, false}));
        Variable[] vars = new Variable[values.size()];
        for (int i = 0; i < vars.length; i++) vars[i] = variable("layer/v" + i, values.get(i));
        Path file = dir.resolve("model.ckpt");
        Checkpoint.save(file, byName(vars));
        for (int i = 0; i < vars.length; i++) vars[i].set(Tensor.zeros(values.get(i).shape(), values.get(i).dtype()));
        Checkpoint.restore(file, byName(vars));
        for (int i = 0; i < vars.length; i++) {
            Tensor restored = vars[i].snapshot();
            assertEquals(values.get(i).dtype(), restored.dtype());
            assertArrayEquals(values.get(i).shape(), restored.shape());
            assertArrayEquals(values.get(i).doubles(), restored.doubles());
            assertArrayEquals(values.get(i).longs(), restored.longs());
        }
        assertEquals(List.of("layer/v0", "layer/v1", "layer/v2", "layer/v3", "layer/v4", "layer/v5"),
                List.copyOf(Checkpoint.read(file).keySet()));
    }

    @Test
    void theManifestIsReadableText() throws IOException {
        Path file = dir.resolve("m.ckpt");
        Checkpoint.save(file, byName(variable("w", floats(new long[] {1, 2}, 1, 2)), variable("step", Tensor.ofLongs(new long[0], new long[] {7}, DType.INT32))));
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("nnl-checkpoint 1\nvariables 2\nw\tfloat32\t[1, 2]\nstep\tint32\t[]\n\u0093NUMPY"), text);
        assertTrue(text.matches("(?s).*\\}\\x20*\n\\x07\\x00{3}end [0-9a-f]{8}\n"), text);
    }

    @Test
    void restoresUnderOtherNames() {
        Variable w = variable("w", floats(new long[] {2}, 1, 2));
        Variable shadow = variable("w/ExponentialMovingAverage", floats(new long[] {2}, 3, 4));
        Path file = dir.resolve("ema.ckpt");
        Checkpoint.save(file, byName(w, shadow));
        Checkpoint.restore(file, Map.of("w/ExponentialMovingAverage", w));
        assertArrayEquals(new float[] {3, 4}, values(w));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Variable w = variable("w", floats(new long[] {2}, 1, 2));
        Path file = dir.resolve("model.ckpt");
        Checkpoint.save(file, byName(w));
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("nnl-checkpoint 1\nvariables 1\n".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        w.set(floats(new long[] {2}, 0, 0));
        Checkpoint.restore(file, byName(w));
        assertArrayEquals(new float[] {1, 2}, values(w));
    }

    @Test
    void saveReplacesAnExistingFile() {
        Variable w = variable("w", floats(new long[] {2}, 1, 2));
        Path file = dir.resolve("model.ckpt");
        Checkpoint.save(file, byName(w));
        w.set(floats(new long[] {2}, 5, 6));
        Checkpoint.save(file, byName(w));
        w.set(floats(new long[] {2}, 0, 0));
        Checkpoint.restore(file, byName(w));
        assertArrayEquals(new float[] {5, 6}, values(w));
    }

    @Test
    void aShapeMismatchNamesTheVariableAndBothShapesAndChangesNothing() {
        Path file = dir.resolve("model.ckpt");
        Checkpoint.save(file, byName(variable("b", floats(new long[] {2}, 1, 2)), variable("w", floats(new long[] {2, 3}, 1, 2, 3, 4, 5, 6))));
        Graph other = new Graph();
        Variable b = Variable.create(other, "b", floats(new long[] {2}, 0, 0), true);
        Variable w = Variable.create(other, "w", floats(new long[] {3, 2}, 0, 0, 0, 0, 0, 0), true);
        String m = error(file, byName(b, w));
        assertEquals("variable 'w' is float32 [3, 2] but checkpoint " + file + " holds float32 [2, 3] for it", m);
        assertArrayEquals(new float[] {0, 0}, values(b));
        Variable d = Variable.create(other, "b", Tensor.ofDoubles(new long[] {2}, new double[] {0, 0}, DType.FLOAT64), true);
        assertTrue(error(file, Map.of("b", d)).startsWith("variable 'b_1' (saved as 'b') is float64 [2] but checkpoint "));
        assertTrue(error(file, Map.of("nope", b)).startsWith("checkpoint " + file + " has no variable 'nope'"));
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        Path file = dir.resolve("v2.ckpt");
        Files.writeString(file, "nnl-checkpoint 2\nwhatever comes in version 2\n");
        assertEquals("checkpoint " + file + " has format version 2; this NNL reads version 1", error(file, Map.of()));
        Files.writeString(file, "\u0093NUMPY not a checkpoint");
        assertTrue(error(file, Map.of()).endsWith("not an NNL checkpoint (it does not start with 'nnl-checkpoint')"));
    }

    @Test
    void aTruncatedOrDamagedFileIsAnError() throws IOException {
        Variable w = variable("w", floats(new long[] {4, 4}, new float[16]));
        Path file = dir.resolve("model.ckpt");
        Checkpoint.save(file, byName(w));
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {bytes.length - 1, bytes.length - 20, 30, 17}) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            assertEquals("corrupt checkpoint " + file + ": truncated: the end line with the checksum is missing", error(file, byName(w)));
        }
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Files.write(file, flipped);
        assertEquals("corrupt checkpoint " + file + ": checksum mismatch: the file is damaged", error(file, byName(w)));
        assertTrue(error(dir.resolve("absent.ckpt"), byName(w)).startsWith("no checkpoint file "));
    }
}
