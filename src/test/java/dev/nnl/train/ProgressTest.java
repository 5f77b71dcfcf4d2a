package dev.nnl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What fit prints: a redrawn Keras progress bar on a terminal, one line per epoch elsewhere, nothing when quiet. */
class ProgressTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private long now;

    private Map<String, Double> logs(double loss, double accuracy) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("accuracy", accuracy);
        return m;
    }

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTerminalGetsABarWithEtaRedrawnInPlace() {
        Progress p = new Progress(out, () -> now, true, 1, 2);
        p.startEpoch(0);
        now = 1_000_000_000L;
        p.batch(32, 120, logs(0.5, 0.25));
        now = 4_000_000_000L;
        p.endEpoch(0, 120, logs(0.3122, 0.9688));
        String text = printed();
        assertTrue(text.startsWith("Epoch 1/2\n"), text);
        assertTrue(text.contains("\r 32/120 [=======>......................] - ETA: 3s - loss: 0.5000 - accuracy: 0.2500"), text);
        assertTrue(text.contains("\r120/120 [==============================] - 4s 33ms/sample - loss: 0.3122 - accuracy: 0.9688"), text);
        assertTrue(text.endsWith("\n"), text);
    }

    @Test
    void elsewhereEachEpochIsOneLine() {
        Progress p = new Progress(out, () -> now, false, 1, 5);
        p.startEpoch(2);
        p.batch(32, 120, logs(0.5, 0.25));
        now = 120_000L;
        p.endEpoch(2, 120, logs(0.25, 0.5));
        assertEquals("Epoch 3/5 - 120/120 - 0s 1us/sample - loss: 0.2500 - accuracy: 0.5000\n", printed());
    }

    @Test
    void verboseZeroPrintsNothing() {
        Progress p = new Progress(out, () -> now, true, 0, 1);
        p.startEpoch(0);
        p.batch(1, 1, logs(1, 1));
        p.endEpoch(0, 1, logs(1, 1));
        assertEquals("", printed());
    }
}
