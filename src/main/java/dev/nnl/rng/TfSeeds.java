package dev.nnl.rng;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The {@code (seed, seed2)} attribute pair a TF random op is built with, resolved as
 * {@code tensorflow/python/framework/random_seed.py get_seed} does:
 * <ul>
 *   <li>global g and op seed s: {@code (g, s)};</li>
 *   <li>no global seed, op seed s: {@code (DEFAULT_GRAPH_SEED, s)};</li>
 *   <li>global g, no op seed: {@code (g, internal operation seed)} — in TF2 eager mode the next
 *       value of {@link InternalOperationSeeds} for g (TF1 graphs count ops instead);</li>
 *   <li>neither: TF picks fresh random seeds on every run. NNL instead behaves as if
 *       {@code set_seed(DEFAULT_GRAPH_SEED)} had been called at start-up, so programs stay
 *       reproducible; callers supply {@code new InternalOperationSeeds(DEFAULT_GRAPH_SEED)}.</li>
 * </ul>
 * Both seeds are reduced modulo 2^31 - 1 like {@code _truncate_seed}, and {@code (0, 0)}, which the
 * kernels read as "nondeterministic", becomes {@code (0, 2^31 - 1)}.
 */
public record TfSeeds(long seed, long seed2) {

    public static final long DEFAULT_GRAPH_SEED = 87654321L;

    private static final long MAX_INT32 = (1L << 31) - 1;

    /**
     * @param globalSeed the value of the last {@code tf.random.set_seed}, if any
     * @param opSeed the op's {@code seed=} argument, if any
     * @param internalOperationSeed consulted only when {@code opSeed} is absent; the caller's
     *     {@link InternalOperationSeeds#next()} for the current global (or default) seed
     */
    public static TfSeeds resolve(OptionalLong globalSeed, OptionalLong opSeed,
            LongSupplier internalOperationSeed) {
        long op = opSeed.isPresent() ? opSeed.getAsLong() : internalOperationSeed.getAsLong();
        long global = globalSeed.isPresent() ? truncate(globalSeed.getAsLong()) : DEFAULT_GRAPH_SEED;
        long local = truncate(op);
        if (global == 0 && local == 0) {
            return new TfSeeds(0, MAX_INT32);
        }
        return new TfSeeds(global, local);
    }

    /** Python's {@code seed % (2**31 - 1)}, which is never negative. */
    private static long truncate(long seed) {
        return Math.floorMod(seed, MAX_INT32);
    }
}
