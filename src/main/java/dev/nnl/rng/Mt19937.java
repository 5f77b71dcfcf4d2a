package dev.nnl.rng;

/**
 * The MT19937 Mersenne Twister shared by numpy's legacy {@code RandomState} and CPython's
 * {@code random.Random}; the two differ only in how they seed it.
 */
final class Mt19937 {

    private static final int STATE_SIZE = 624;
    private static final int SHIFT_SIZE = 397;
    private static final int MATRIX_A = 0x9908B0DF;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7FFFFFFF;

    private final int[] state = new int[STATE_SIZE];
    private int position;

    /** {@code init_genrand}: numpy's {@code mt19937_seed} for an integer seed. */
    void seedWithInt(int seed) {
        state[0] = seed;
        for (int i = 1; i < STATE_SIZE; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        position = STATE_SIZE;
    }

    /** {@code init_by_array}: how CPython seeds {@code random.Random} from an integer's 32-bit chunks. */
    void seedWithArray(int[] key) {
        seedWithInt(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(STATE_SIZE, key.length); k > 0; k--) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= STATE_SIZE) {
                state[0] = state[STATE_SIZE - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = STATE_SIZE - 1; k > 0; k--) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= STATE_SIZE) {
                state[0] = state[STATE_SIZE - 1];
                i = 1;
            }
        }
        state[0] = UPPER_MASK;
        position = STATE_SIZE;
    }

    /** The next tempered output as an unsigned 32-bit value. */
    long nextUint32() {
        if (position >= STATE_SIZE) {
            regenerate();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void regenerate() {
        for (int i = 0; i < STATE_SIZE; i++) {
            int y = (state[i] & UPPER_MASK) | (state[(i + 1) % STATE_SIZE] & LOWER_MASK);
            state[i] = state[(i + SHIFT_SIZE) % STATE_SIZE] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        position = 0;
    }
}
