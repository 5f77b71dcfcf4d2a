package dev.nnl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.rng.RandomState;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras's random draws and its flow: batches per epoch, seeded order and transforms, labels with their pictures. */
class ImageDataGeneratorTest {
    private static final ImageDataGenerator.Shift NONE = new ImageDataGenerator.Shift(0, false);

    /** The course's generator (rotation 45, shifts 0.15, zoom 0.5). */
    private static ImageDataGenerator course(Long seed) {
        ImageDataGenerator.Shift shift = new ImageDataGenerator.Shift(0.15, false);
        return new ImageDataGenerator(0, 45, shift, shift, 0.5, 1.5, true, false, seed);
    }

    /** n pictures 3x4x1; picture i is filled with i. */
    private static Tensor pictures(int n) {
        double[] v = new double[n * 12];
        for (int i = 0; i < v.length; i++) v[i] = i / 12;
        return Tensor.ofDoubles(new long[] {n, 3, 4, 1}, v, DType.FLOAT64);
    }

    private static Tensor labels(int n) {
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = i;
        return Tensor.ofLongs(new long[] {n}, y, DType.UINT8);
    }

    @Test
    void drawsFollowKerasGetRandomTransform() {
        // numpy: np.random.seed(3); uniform(-45, 45); uniform(-.15, .15) * 5; uniform(-.15, .15) * 6; uniform(.5, 1.5, 2); random() < .5
        ImageTransform t = course(null).randomTransform(new RandomState(3), 5, 6);
        assertEquals(4.5718112317117985, t.theta(), 1e-15);
        assertEquals(0.31222173392715724, t.tx(), 1e-15);
        assertEquals(-0.3763714699567002, t.ty(), 1e-15);
        assertEquals(1.010827605197663, t.zx(), 1e-15);
        assertEquals(1.3929469543476547, t.zy(), 1e-15);
        assertFalse(t.flipHorizontal());
    }

    @Test
    void wholePixelShiftsAreChoicesWithASign() {
        ImageDataGenerator g = new ImageDataGenerator(0, 0, new ImageDataGenerator.Shift(3, true), NONE, 1, 1, false, false, null);
        for (long seed = 0; seed < 20; seed++) {
            double ty = g.randomTransform(new RandomState(seed), 10, 10).ty();
            assertTrue(ty == Math.rint(ty) && Math.abs(ty) <= 2, "ty " + ty);
        }
    }

    @Test
    void anEpochIsCeilOfNOverBatchSizeWithLabelsInTheSeededOrder() {
        ImageDataGenerator plain = new ImageDataGenerator(0, 0, NONE, NONE, 1, 1, false, false, null);
        ImageFlow flow = new ImageFlow(plain, pictures(5), labels(5), 2, true, 5L, new RandomState(0));
        assertEquals(3, flow.length());
        List<Long> order = new ArrayList<>();
        for (Iterator<Tensor[]> it = flow.epoch(); it.hasNext(); ) {
            Tensor[] b = it.next();
            assertEquals(DType.FLOAT32, b[0].dtype());
            for (int k = 0; k < b[1].shape()[0]; k++) {
                long label = b[1].longs()[k];
                order.add(label);
                // each picture stays with its label
                assertEquals(label, b[0].doubles()[k * 12], 0);
            }
        }
        // numpy: RandomState(5).permutation(5) for the first epoch, RandomState(5 + 3) for the second (3 batches seen)
        assertEquals(List.of(4L, 0L, 1L, 2L, 3L), order);
        List<Long> second = new ArrayList<>();
        for (Iterator<Tensor[]> it = flow.epoch(); it.hasNext(); ) for (long l : it.next()[1].longs()) second.add(l);
        assertEquals(List.of(4L, 2L, 1L, 0L, 3L), second);
    }

    @Test
    void seededFlowsAreReproducibleAndRescale() {
        ImageDataGenerator scaled = new ImageDataGenerator(0.5, 45, new ImageDataGenerator.Shift(0.15, false), NONE, 0.5, 1.5, true, false, 9L);
        Tensor x = Tensor.ofDoubles(new long[] {4, 3, 4, 1}, java.util.stream.DoubleStream.iterate(0, v -> v + 1).limit(48).toArray(), DType.FLOAT64);
        Tensor a = new ImageFlow(scaled, x, labels(4), 4, false, null, new RandomState(0)).epoch().next()[0];
        Tensor b = new ImageFlow(scaled, x, labels(4), 4, false, null, new RandomState(1)).epoch().next()[0];
        assertArrayEquals(a.doubles(), b.doubles(), "the generator's seed decides, not the session's stream");
        double max = java.util.Arrays.stream(a.doubles()).max().orElseThrow();
        assertTrue(max <= 47 * 0.5 + 1e-6, "rescaled: " + max);
    }

    @Test
    void picturesMustBeRankFourWithOneLabelEach() {
        ImageDataGenerator g = course(null);
        Tensor threeD = Tensor.zeros(new long[] {10, 28, 28}, DType.FLOAT32);
        NnlError rank = assertThrows(NnlError.class, () -> g.fit(threeD));
        assertTrue(rank.hint().contains("reshape(x, [10, 28, 28, 1])"), rank.hint());
        NnlError count = assertThrows(NnlError.class, () -> new ImageFlow(g, pictures(3), labels(2), 2, true, null, new RandomState(0)));
        assertTrue(count.getMessage().contains("x has 3 pictures but y has 2 labels"), count.getMessage());
    }
}
