package dev.nnl.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values are numpy's np.random.RandomState output. */
class RandomStateTest {

    @Test
    void randOfSeedOne() {
        assertEquals(0.417022004702574, new RandomState(1).rand());
    }

    @Test
    void firstThreeRandOfSeedOne() {
        RandomState state = new RandomState(1);
        assertEquals(4.17022005e-01, state.rand(), 1e-9);
        assertEquals(7.20324493e-01, state.rand(), 1e-9);
        assertEquals(1.14374817e-04, state.rand(), 1e-9);
    }

    @Test
    void randOfSeed23455() {
        RandomState state = new RandomState(23455);
        assertEquals(0.83494319, state.rand(), 1e-8);
        assertEquals(0.11482951, state.rand(), 1e-8);
    }

    @Test
    void randOfLargestSeed() {
        assertEquals(0.0976320289940138, new RandomState(0xFFFFFFFFL).rand());
    }

    @Test
    void randnReturnsThePolarPairInOrder() {
        RandomState state = new RandomState(2);
        assertEquals(-0.4167578474054706, state.randn());
        assertEquals(-0.05626683, state.randn(), 1e-8);
    }

    @Test
    void reseedingForgetsTheCachedNormal() {
        RandomState state = new RandomState(2);
        state.randn();
        state.seed(2);
        assertEquals(-0.4167578474054706, state.randn());
    }

    @Test
    void uniformNormalRandintAndRandShareOneStream() {
        RandomState state = new RandomState(9);
        assertEquals(-0.9792516922286001, state.uniform(-1, 1));
        assertEquals(1.021720836853011, state.normal(3, 0.5));
        assertEquals(3.8773891128358624, state.normal(3, 0.5));
        assertEquals(4, state.randint(4, 5));
        assertEquals(0.13382952895927658, state.rand());
    }

    @Test
    void randintOfSeedZero() {
        RandomState state = new RandomState(0);
        long[] draws = new long[5];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = state.randint(0, 10);
        }
        assertArrayEquals(new long[] {5, 0, 3, 3, 7}, draws);
    }

    @Test
    void randintBeyondThirtyTwoBitsDrawsSixtyFourBits() {
        RandomState state = new RandomState(5);
        assertEquals(425438759118L, state.randint(0, 1L << 40));
        assertEquals(1030067709629L, state.randint(0, 1L << 40));
        RandomState wide = new RandomState(5);
        assertEquals(-516634799685744434L, wide.randint(-(1L << 62), 1L << 62));
        assertEquals(2227117907221014205L, wide.randint(-(1L << 62), 1L << 62));
        RandomState justOver = new RandomState(11);
        assertEquals(2854952027L, justOver.randint(0, (1L << 32) + 10));
        assertEquals(969428760L, justOver.randint(0, (1L << 32) + 10));
    }

    @Test
    void shuffleOfFiveWithSeedSeven() {
        int[] idx = {0, 1, 2, 3, 4};
        new RandomState(7).shuffleIndices(idx);
        assertArrayEquals(new int[] {0, 3, 2, 1, 4}, idx);
    }

    @Test
    void shuffleOfTenWithSeed116() {
        assertArrayEquals(new int[] {0, 4, 7, 3, 9, 2, 8, 1, 6, 5}, new RandomState(116).shuffleOrder(10));
    }

    @Test
    void shuffleOrderGivesTheSourceRowOfEachPosition() {
        assertArrayEquals(new int[] {4, 5, 3, 0, 1, 2}, new RandomState(4).shuffleOrder(6));
    }

    @Test
    void permutationOfTwelve() {
        assertArrayEquals(new long[] {5, 4, 1, 2, 11, 6, 7, 0, 3, 9, 8, 10}, new RandomState(3).permutation(12));
    }

    @Test
    void intervalOfZeroDrawsNothing() {
        RandomState state = new RandomState(1);
        assertEquals(0, state.interval(0));
        assertEquals(0.417022004702574, state.rand());
    }

    @Test
    void seedsOutsideTheUnsigned32BitRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RandomState(-1));
        assertThrows(IllegalArgumentException.class, () -> new RandomState(1L << 32));
    }
}
