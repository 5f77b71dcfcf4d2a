package dev.nnl.rng;

/**
 * The operation seeds TF2 eager mode invents for random ops called without a seed after
 * {@code tf.random.set_seed(g)}: {@code context.set_global_seed} stores {@code random.Random(g)}
 * (CPython's generator) and {@code context.internal_operation_seed()} returns
 * {@code randint(0, 2**31 - 1)} from it, one value per seedless op call.
 *
 * <p>CPython seeds from the 32-bit chunks of |g| ({@code init_by_array}); {@code randint} over
 * 2^31 values draws 32-bit words and rejects those with the top bit set.
 */
public final class InternalOperationSeeds {

    private static final long RANGE = 1L << 31;

    private final Mt19937 twister = new Mt19937();

    public InternalOperationSeeds(long globalSeed) {
        twister.seedWithArray(pythonSeedKey(globalSeed));
    }

    /** The next {@code internal_operation_seed()}. */
    public long next() {
        long value;
        do {
            value = twister.nextUint32();
        } while (value >= RANGE);
        return value;
    }

    /** CPython's {@code random_seed}: |seed| as little-endian 32-bit words, at least one. */
    private static int[] pythonSeedKey(long seed) {
        long magnitude = seed < 0 ? -seed : seed; // Long.MIN_VALUE stays 2^63 read unsigned
        int high = (int) (magnitude >>> 32);
        return high == 0 ? new int[] {(int) magnitude} : new int[] {(int) magnitude, high};
    }
}
