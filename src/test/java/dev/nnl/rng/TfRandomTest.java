package dev.nnl.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TfRandomTest {

    /** Half a unit in the 8th decimal, numpy's default print precision. */
    private static final double PRINTED_DECIMALS_TOLERANCE = 5e-9;

    /** tf.random_normal([2,3], seed=1) without a graph seed (printed by the TF1 course material). */
    @Test
    void normalMatchesTensorFlowForDefaultGraphSeedAndOpSeedOne() {
        float[] expected = {-0.8113182f, 1.4845988f, 0.06532937f, -2.4427042f, 0.0992484f, 0.5912243f};
        assertArrayEquals(expected, new TfRandom(87654321, 1).normal(6));
    }

    /**
     * Iris from scratch: set_seed(116); w1 = truncated_normal([4,3], stddev=0.1, seed=1);
     * b1 = truncated_normal([3], stddev=0.1, seed=1) on the same cached kernel. The published
     * printout shows numpy's 8 decimals; the exact floats below round to it.
     */
    @Test
    void truncatedNormalReproducesTheIrisWeightsAndContinuesTheKernel() {
        TfRandom kernel = new TfRandom(116, 1);
        float[] w1 = times(kernel.truncatedNormal(12), 0.1f);
        float[] b1 = times(kernel.truncatedNormal(3), 0.1f);
        double[] printedW1 = {
            0.08249953, -0.0683137, 0.19668601,
            -0.05480815, 0.04570521, 0.1357149,
            0.07750896, -0.16734955, -0.10294553,
            0.15784004, -0.13311003, 0.06045313};
        double[] printedB1 = {-0.09194934, -0.12376948, -0.05381497};
        assertArrayEquals(printedW1, widen(w1), PRINTED_DECIMALS_TOLERANCE);
        assertArrayEquals(printedB1, widen(b1), PRINTED_DECIMALS_TOLERANCE);
        assertArrayEquals(new float[] {
            0.08249953f, -0.0683137f, 0.19668601f,
            -0.05480815f, 0.045705207f, 0.1357149f,
            0.07750896f, -0.16734955f, -0.10294553f,
            0.15784004f, -0.13311003f, 0.060453128f}, w1);
        assertArrayEquals(new float[] {-0.09194934f, -0.123769484f, -0.053814966f}, b1);
    }

    @Test
    void truncatedNormalPartialGroupsArePrefixesOfFullGroups() {
        float[] five = new TfRandom(116, 1).truncatedNormal(5);
        float[] eight = new TfRandom(116, 1).truncatedNormal(8);
        assertArrayEquals(Arrays.copyOf(eight, 5), five);
    }

    /** A call of n outputs reserves n * 256 blocks, so the second call of 3 starts at block 768. */
    @Test
    void secondNormalCallStartsAfterTheReservationOfTheFirst() {
        TfRandom kernel = new TfRandom(87654321, 1);
        assertArrayEquals(new float[] {-0.8113182f, 1.4845988f, 0.06532937f}, kernel.normal(3));
        assertArrayEquals(new float[] {0.55171245f, -0.13107552f, -0.044813864f}, kernel.normal(3));
    }

    @Test
    void secondNormalCallEqualsAFreshKernelSkippedPastTheReservation() {
        TfRandom kernel = new TfRandom(3, 4);
        kernel.normal(5);
        Philox expectedStart = new Philox(3, 4);
        expectedStart.skip(5 * 256);
        int[] block = expectedStart.nextBlock();
        float[] firstPair = TfRandom.boxMullerFloat(block[0], block[1]);
        assertArrayEquals(firstPair, kernel.normal(2));
    }

    @Test
    void uniformMapsMantissaBitsToTheUnitInterval() {
        TfRandom kernel = new TfRandom(1, 2);
        assertArrayEquals(new float[] {0.40639675f, 0.8575996f, 0.05539584f, 0.08587229f, 0.4121536f},
                kernel.uniform(5));
        assertArrayEquals(new float[] {0.15982985f, 0.39126372f}, kernel.uniform(2));
    }

    @Test
    void uniformOfExtremeWordsStaysInsideTheUnitInterval() {
        assertArrayEquals(new float[] {0.0f, 1.0f - 0x1p-23f},
                new float[] {TfRandom.uint32ToFloat(0xFF800000), TfRandom.uint32ToFloat(0x007FFFFF)});
    }

    @Test
    void normalDoubleUsesTwoWordsPerUniform() {
        TfRandom kernel = new TfRandom(1, 2);
        assertArrayEquals(new double[] {0.58105877128258, -1.557429113677359, 1.555896998265924},
                kernel.normalDouble(3));
        assertArrayEquals(new double[] {1.4214151757493292}, kernel.normalDouble(1));
    }

    @Test
    void uniformDoubleUsesTwoWordsPerValue() {
        TfRandom kernel = new TfRandom(1, 2);
        assertArrayEquals(new double[] {0.2511744980841868, 0.44316677020093853, 0.2972296290781924},
                kernel.uniformDouble(3));
        assertArrayEquals(new double[] {0.34725887121466203}, kernel.uniformDouble(1));
    }

    @Test
    void uniformIntTakesUnsignedRemainders() {
        TfRandom kernel = new TfRandom(1, 2);
        assertArrayEquals(new int[] {9, 0, 7, 9, 6, -4}, kernel.uniformInt(6, -5, 10));
        assertArrayEquals(new int[] {-373297628, -133690529},
                kernel.uniformInt(2, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void uniformIntRejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new TfRandom(1, 2).uniformInt(1, 3, 3));
    }

    private static float[] times(float[] values, float factor) {
        float[] scaled = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * factor;
        }
        return scaled;
    }

    private static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
