package dev.nnl.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PhiloxTest {

    /** Random123's published philox4x32-10 known-answer vectors. */
    @Test
    void zeroKeyAndCounterGiveTheKnownAnswer() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                new Philox(0, 0).nextBlock());
    }

    @Test
    void allOnesKeyAndCounterGiveTheKnownAnswer() {
        Philox philox = new Philox(-1L, -1L);
        philox.skip(-1L);
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}, philox.nextBlock());
    }

    @Test
    void piDigitsKeyAndCounterGiveTheKnownAnswer() {
        Philox philox = new Philox(0x299f31d0_a4093822L, 0x03707344_13198a2eL);
        philox.skip(0x85a308d3_243f6a88L);
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}, philox.nextBlock());
    }

    @Test
    void skipCarriesIntoTheSeed2HalfOfTheCounter() {
        long seed = (2L << 32) | 1;
        Philox carried = new Philox(seed, 5);
        carried.skip(-1L);
        carried.skip(1);
        assertArrayEquals(new Philox(seed, 6).nextBlock(), carried.nextBlock());
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        Philox original = new Philox(7, 9);
        Philox copy = original.copy();
        int[] first = original.nextBlock();
        assertArrayEquals(first, copy.nextBlock());
        assertArrayEquals(original.nextBlock(), copy.nextBlock());
    }
}
