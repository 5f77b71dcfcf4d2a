package dev.nnl.rng;

/**
 * TensorFlow's Philox4x32-10 counter-based generator ({@code random::PhiloxRandom}).
 *
 * <p>The 64-bit key comes from {@code seed}, the upper half of the 128-bit counter from
 * {@code seed2}; each {@link #nextBlock()} encrypts the counter into four uint32 words and
 * then advances the counter by one. Words are returned as Java {@code int}s holding the
 * unsigned bit pattern.
 */
public final class Philox {

    private static final int KEY_INCREMENT_0 = 0x9E3779B9;
    private static final int KEY_INCREMENT_1 = 0xBB67AE85;
    private static final long MULTIPLIER_A = 0xD2511F53L;
    private static final long MULTIPLIER_B = 0xCD9E8D57L;
    private static final int ROUNDS = 10;
    private static final long UINT32_MASK = 0xFFFFFFFFL;

    private final int key0;
    private final int key1;
    /** Counter words 0 and 1 (low 64 bits of the 128-bit counter). */
    private long counterLow;
    /** Counter words 2 and 3 (high 64 bits); initialised from seed2. */
    private long counterHigh;

    public Philox(long seed, long seed2) {
        this((int) seed, (int) (seed >>> 32), 0L, seed2);
    }

    private Philox(int key0, int key1, long counterLow, long counterHigh) {
        this.key0 = key0;
        this.key1 = key1;
        this.counterLow = counterLow;
        this.counterHigh = counterHigh;
    }

    /** An independent generator at the same key and counter, as TF copies one when reserving. */
    public Philox copy() {
        return new Philox(key0, key1, counterLow, counterHigh);
    }

    /** Advances the 128-bit counter by {@code blocks}, read as an unsigned 64-bit count. */
    public void skip(long blocks) {
        long sum = counterLow + blocks;
        if (Long.compareUnsigned(sum, counterLow) < 0) {
            counterHigh++;
        }
        counterLow = sum;
    }

    /** Encrypts the current counter into four uint32 words, then advances the counter by one. */
    public int[] nextBlock() {
        int c0 = (int) counterLow;
        int c1 = (int) (counterLow >>> 32);
        int c2 = (int) counterHigh;
        int c3 = (int) (counterHigh >>> 32);
        int k0 = key0;
        int k1 = key1;
        for (int round = 0; round < ROUNDS; round++) {
            long product0 = MULTIPLIER_A * (c0 & UINT32_MASK);
            long product1 = MULTIPLIER_B * (c2 & UINT32_MASK);
            int next0 = (int) (product1 >>> 32) ^ c1 ^ k0;
            int next1 = (int) product1;
            int next2 = (int) (product0 >>> 32) ^ c3 ^ k1;
            int next3 = (int) product0;
            c0 = next0;
            c1 = next1;
            c2 = next2;
            c3 = next3;
            k0 += KEY_INCREMENT_0;
            k1 += KEY_INCREMENT_1;
        }
        skip(1);
        return new int[] {c0, c1, c2, c3};
    }
}
