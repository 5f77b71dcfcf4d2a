package dev.nnl.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Expected values are CPython's random.Random(seed).randint(0, 2**31 - 1), four times. */
class InternalOperationSeedsTest {

    @Test
    void followsPythonRandomForTheIrisGlobalSeed() {
        assertArrayEquals(new long[] {1280526216, 37494926, 517261565, 567714892}, firstFour(116));
    }

    @Test
    void followsPythonRandomForTheDefaultGraphSeed() {
        assertArrayEquals(new long[] {1503137960, 979136014, 1773442221, 433399864},
                firstFour(TfSeeds.DEFAULT_GRAPH_SEED));
    }

    @Test
    void followsPythonRandomForZero() {
        assertArrayEquals(new long[] {1654615998, 1806341205, 173879092, 1112038970}, firstFour(0));
    }

    @Test
    void usesEveryThirtyTwoBitChunkOfALargeSeed() {
        assertArrayEquals(new long[] {1153647273, 117802120, 200118061, 710650538}, firstFour((1L << 40) + 5));
        assertArrayEquals(new long[] {1359979423, 569878368, 2108559838, 1947612296}, firstFour(Long.MAX_VALUE));
    }

    @Test
    void seedsFromTheMagnitudeOfANegativeSeed() {
        assertArrayEquals(new long[] {1390851128, 647892279, 1695753998, 207388624}, firstFour(-7));
        assertArrayEquals(firstFour(7), firstFour(-7));
    }

    private static long[] firstFour(long globalSeed) {
        InternalOperationSeeds seeds = new InternalOperationSeeds(globalSeed);
        return new long[] {seeds.next(), seeds.next(), seeds.next(), seeds.next()};
    }
}
