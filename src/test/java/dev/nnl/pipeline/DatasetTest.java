package dev.nnl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tf.data's semantics: slicing, the shuffle buffer, batching, repetition, mapping, taking, and what fit accepts. */
class DatasetTest {
    /** x = [[0, 0], [1, 10], ...], y = [0, 1, ...]: row i is recognizable by its label i. */
    private static Dataset numbered(int n) {
        long[] x = new long[2 * n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10L * i;
            y[i] = i;
        }
        return Dataset.slices(List.of(Tensor.ofLongs(new long[] {n, 2}, x, DType.INT64), Tensor.ofLongs(new long[] {n}, y, DType.INT64)),
                List.of("x", "y"), true);
    }

    /** The labels of one pass, one list per element. */
    private static List<long[]> labels(Dataset d) {
        List<long[]> out = new ArrayList<>();
        for (Iterator<Element> it = d.elements(); it.hasNext(); ) out.add(it.next().parts()[1].longs());
        return out;
    }

    /** The labels of one pass of unbatched elements. */
    private static long[] order(Dataset d) {
        return labels(d).stream().mapToLong(l -> l[0]).toArray();
    }

    @Test
    void slicesGiveRowsWithTheFirstAxisDropped() {
        Element e = numbered(3).elements().next();
        assertArrayEquals(new long[] {2}, e.parts()[0].shape());
        assertArrayEquals(new long[0], e.parts()[1].shape());
        Iterator<Element> it = numbered(3).elements();
        it.next();
        assertArrayEquals(new long[] {1, 10}, it.next().parts()[0].longs());
        assertEquals(3, numbered(3).cardinality());
    }

    @Test
    void rowCountsThatDifferAreNamed() {
        Tensor x = Tensor.zeros(new long[] {120, 4}, DType.FLOAT32);
        Tensor y = Tensor.zeros(new long[] {100}, DType.INT64);
        NnlError e = assertThrows(NnlError.class, () -> Dataset.slices(List.of(x, y), List.of("x", "y"), true));
        assertTrue(e.getMessage().contains("x has 120 rows but y has 100"), e.getMessage());
    }

    @Test
    void aBufferOfOneKeepsTheOrder() {
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, order(numbered(6).shuffle(1, new long[] {1, 2}, true)));
    }

    @Test
    void aFullBufferPermutesAndReshufflesEveryPass() {
        Dataset d = numbered(20).shuffle(20, new long[] {1, 2}, true);
        long[] first = order(d);
        long[] second = order(d);
        assertArrayEquals(range(20), sorted(first));
        assertArrayEquals(range(20), sorted(second));
        assertFalse(Arrays.equals(first, second), "each pass is a new order");
        assertFalse(Arrays.equals(range(20), first));
        // the same seed gives the same sequence of passes
        Dataset again = numbered(20).shuffle(20, new long[] {1, 2}, true);
        assertArrayEquals(first, order(again));
        assertArrayEquals(second, order(again));
        // without reshuffling every pass repeats the first
        Dataset fixed = numbered(20).shuffle(20, new long[] {1, 2}, false);
        assertArrayEquals(order(fixed), order(fixed));
    }

    @Test
    void aSmallBufferShufflesOnlyLocally() {
        // element i enters the buffer when the output has given i - buffer + 1 elements, so it cannot come out sooner
        int buffer = 3;
        boolean moved = false;
        for (long seed = 0; seed < 50; seed++) {
            long[] out = order(numbered(30).shuffle(buffer, new long[] {seed}, true));
            assertArrayEquals(range(30), sorted(out));
            for (int k = 0; k < out.length; k++) assertTrue(out[k] < k + buffer, "position " + k + " holds " + out[k]);
            moved |= out[0] != 0;
        }
        assertTrue(moved);
    }

    @Test
    void batchesStackRunsAndKeepTheRemainderUnlessDropped() {
        Dataset batched = numbered(5).batch(2, false);
        assertEquals(3, batched.cardinality());
        List<long[]> b = labels(batched);
        assertArrayEquals(new long[] {0, 1}, b.get(0));
        assertArrayEquals(new long[] {4}, b.get(2));
        Element first = batched.elements().next();
        assertArrayEquals(new long[] {2, 2}, first.parts()[0].shape());
        assertArrayEquals(new long[] {0, 0, 1, 10}, first.parts()[0].longs());
        Dataset dropped = numbered(5).batch(2, true);
        assertEquals(2, dropped.cardinality());
        assertEquals(2, labels(dropped).size());
        assertEquals(4, dropped.examples());
    }

    @Test
    void repeatMakesNewPassesAndEndsOnEmptyData() {
        Dataset twice = numbered(3).repeat(2);
        assertEquals(6, twice.cardinality());
        assertArrayEquals(new long[] {0, 1, 2, 0, 1, 2}, order(twice));
        Dataset shuffledTwice = numbered(10).shuffle(10, new long[] {4}, true).repeat(2);
        long[] both = order(shuffledTwice);
        assertFalse(Arrays.equals(Arrays.copyOfRange(both, 0, 10), Arrays.copyOfRange(both, 10, 20)), "each repetition reshuffles");
        Dataset forever = numbered(3).repeat(-1);
        assertEquals(Dataset.INFINITE, forever.cardinality());
        assertArrayEquals(new long[] {0, 1, 2, 0, 1, 2, 0}, order(forever.take(7)));
        assertEquals(0, order(numbered(3).take(0).repeat(-1)).length);
        assertThrows(NnlError.class, forever::length);
    }

    @Test
    void mapReplacesEachElement() {
        Dataset doubled = numbered(3).map(e -> new Element(new Tensor[] {e.parts()[1]}, false));
        Element e = doubled.elements().next();
        assertFalse(e.tuple());
        assertEquals(3, doubled.cardinality());
        assertArrayEquals(new long[] {0, 1, 2}, labelsOfSingles(doubled));
    }

    private static long[] labelsOfSingles(Dataset d) {
        List<Long> out = new ArrayList<>();
        for (Iterator<Element> it = d.elements(); it.hasNext(); ) out.add(it.next().parts()[0].longs()[0]);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void fitTakesFiniteBatchedPairs() {
        Dataset ok = numbered(5).batch(2, false);
        assertEquals(5, ok.examples());
        Tensor[] batch = ok.epoch().next();
        assertEquals(2, batch.length);
        NnlError unbatched = assertThrows(NnlError.class, () -> numbered(5).epoch());
        assertTrue(unbatched.getMessage().contains("single examples"), unbatched.getMessage());
        NnlError endless = assertThrows(NnlError.class, () -> numbered(5).batch(2, false).repeat(-1).epoch());
        assertTrue(endless.getMessage().contains("endless"), endless.getMessage());
        Dataset single = numbered(4).map(e -> new Element(new Tensor[] {e.parts()[0]}, false)).batch(2, false);
        assertThrows(NnlError.class, () -> single.epoch().next());
    }

    @Test
    void elementsOfDifferentShapesCannotBeBatched() {
        Tensor a = Tensor.zeros(new long[] {3}, DType.FLOAT32);
        Tensor b = Tensor.zeros(new long[] {4}, DType.FLOAT32);
        Dataset mixed = numbered(2).map(e -> new Element(new Tensor[] {e.parts()[1].longs()[0] == 0 ? a : b}, false)).batch(2, false);
        NnlError e = assertThrows(NnlError.class, () -> mixed.elements().next());
        assertTrue(e.getMessage().contains("element 1 is tensor of shape [4]"), e.getMessage());
    }

    private static long[] range(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }

    private static long[] sorted(long[] a) {
        long[] out = a.clone();
        Arrays.sort(out);
        return out;
    }
}
