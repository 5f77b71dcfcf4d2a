package dev.nnl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The course's windows: x[i] = s[i : i + size], y[i] = s[i + size], with the feature axis kept. */
class SlidingWindowsTest {
    @Test
    void aColumnGivesWindowsShapedForRecurrentLayers() {
        Tensor column = Tensor.ofDoubles(new long[] {6, 1}, new double[] {0, 1, 2, 3, 4, 5}, DType.FLOAT64);
        var xy = SlidingWindows.of(column, 4).items();
        Tensor x = (Tensor) xy.get(0);
        Tensor y = (Tensor) xy.get(1);
        assertArrayEquals(new long[] {2, 4, 1}, x.shape());
        assertArrayEquals(new long[] {2, 1}, y.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 1, 2, 3, 4}, x.doubles());
        assertArrayEquals(new double[] {4, 5}, y.doubles());
    }

    @Test
    void aPlainSeriesAndSeveralFeatures() {
        Tensor series = Tensor.ofLongs(new long[] {4}, new long[] {7, 8, 9, 10}, DType.INT64);
        var xy = SlidingWindows.of(series, 2).items();
        assertArrayEquals(new long[] {2, 2}, ((Tensor) xy.get(0)).shape());
        assertArrayEquals(new long[] {7, 8, 8, 9}, ((Tensor) xy.get(0)).longs());
        assertArrayEquals(new long[] {9, 10}, ((Tensor) xy.get(1)).longs());
        Tensor pairs = Tensor.ofLongs(new long[] {3, 2}, new long[] {1, 10, 2, 20, 3, 30}, DType.INT64);
        var p = SlidingWindows.of(pairs, 2).items();
        assertArrayEquals(new long[] {1, 2, 2}, ((Tensor) p.get(0)).shape());
        assertArrayEquals(new long[] {3, 30}, ((Tensor) p.get(1)).longs());
    }

    @Test
    void aSeriesTooShortForOneWindowIsAnError() {
        Tensor series = Tensor.zeros(new long[] {60, 1}, DType.FLOAT64);
        NnlError e = assertThrows(NnlError.class, () -> SlidingWindows.of(series, 60));
        assertTrue(e.getMessage().contains("a series of 60 steps has no window of 60"), e.getMessage());
    }
}
