package dev.nnl.rng;

/**
 * numpy's legacy {@code np.random.RandomState} (MT19937 with {@code init_genrand} seeding), whose
 * streams numpy keeps frozen across versions; {@code np.random.seed}/{@code rand}/... use one
 * global instance of it.
 */
public final class RandomState {

    private static final long MAX_SEED = 0xFFFFFFFFL;
    private static final long UINT32_MAX = 0xFFFFFFFFL;

    private final Mt19937 twister = new Mt19937();
    /** The polar method makes normals in pairs; the second is kept for the next {@link #randn()}. */
    private boolean hasCachedGaussian;
    private double cachedGaussian;

    public RandomState(long seed) {
        seed(seed);
    }

    /**
     * {@code RandomState([k0, k1, ...])}: numpy seeds from a sequence of 32-bit words with {@code init_by_array},
     * which gives streams of seeds combined from several numbers (a seed and an epoch, say).
     */
    public static RandomState ofKey(long... key) {
        int[] words = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            if (key[i] < 0 || key[i] > MAX_SEED) {
                throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1, got " + key[i]);
            }
            words[i] = (int) key[i];
        }
        RandomState state = new RandomState(0);
        state.twister.seedWithArray(words);
        return state;
    }

    /** {@code RandomState.seed(seed)}: restarts the stream and forgets any cached normal. */
    public void seed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1, got " + seed);
        }
        twister.seedWithInt((int) seed);
        hasCachedGaussian = false;
        cachedGaussian = 0.0;
    }

    public long nextUint32() {
        return twister.nextUint32();
    }

    /** numpy's {@code next_uint64}: the first 32-bit draw forms the high half. */
    private long nextUint64() {
        long high = nextUint32();
        return (high << 32) | nextUint32();
    }

    /** {@code random_sample}: a 53-bit double in [0, 1) from 27 + 26 bits of two draws. */
    public double rand() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code legacy_gauss}: Marsaglia's polar method, returning f*x2 now and f*x1 next call. */
    public double randn() {
        if (hasCachedGaussian) {
            hasCachedGaussian = false;
            double value = cachedGaussian;
            cachedGaussian = 0.0;
            return value;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * rand() - 1.0;
            x2 = 2.0 * rand() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // Math.log rather than StrictMath.log: it matches the C library log numpy calls far more
        // often; about 0.05% of normals still differ from numpy-on-glibc by one ulp.
        double factor = Math.sqrt(-2.0 * Math.log(r2) / r2);
        cachedGaussian = factor * x1;
        hasCachedGaussian = true;
        return factor * x2;
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * rand();
    }

    public double normal(double mean, double sd) {
        return mean + sd * randn();
    }

    /**
     * {@code randint(lo, hi)} with numpy's default int64 dtype: a value in [lo, hi) found by masked
     * rejection over the inclusive span {@code hi - lo - 1} (unsigned), drawing 32 bits at a time
     * when the span fits in 32 bits and 64 bits otherwise. A span of zero draws nothing.
     */
    public long randint(long lo, long hi) {
        if (lo >= hi) {
            throw new IllegalArgumentException("low >= high: " + lo + " >= " + hi);
        }
        return lo + maskedRejection(hi - lo - 1);
    }

    /** {@code random_interval}: the value in [0, max] that {@code shuffle} swaps with. */
    public long interval(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("negative interval bound " + max);
        }
        return maskedRejection(max);
    }

    /** numpy's {@code shuffle} of a length-n sequence applied in place to {@code idx}. */
    public void shuffleIndices(int[] idx) {
        for (int i = idx.length - 1; i > 0; i--) {
            int j = (int) interval(i);
            int swap = idx[i];
            idx[i] = idx[j];
            idx[j] = swap;
        }
    }

    /**
     * The source row of each position after {@code shuffle} of a length-n array along axis 0:
     * shuffled[k] = original[order[k]].
     */
    public int[] shuffleOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffleIndices(order);
        return order;
    }

    /** {@code permutation(n)}: {@code arange(n)} shuffled. */
    public long[] permutation(int n) {
        int[] order = shuffleOrder(n);
        long[] result = new long[n];
        for (int i = 0; i < n; i++) {
            result[i] = order[i];
        }
        return result;
    }

    /**
     * Uniform value in [0, span] (span read as unsigned): draws masked to the smallest all-ones
     * mask covering span until one is in range.
     */
    private long maskedRejection(long span) {
        if (span == 0) {
            return 0;
        }
        long mask = span;
        for (int shift = 1; shift <= 32; shift <<= 1) {
            mask |= mask >>> shift;
        }
        boolean fitsIn32Bits = Long.compareUnsigned(span, UINT32_MAX) <= 0;
        long value;
        do {
            value = (fitsIn32Bits ? nextUint32() : nextUint64()) & mask;
        } while (Long.compareUnsigned(value, span) > 0);
        return value;
    }
}
