package dev.nnl.interp;

import dev.nnl.rng.InternalOperationSeeds;
import dev.nnl.rng.RandomState;
import dev.nnl.rng.TfRandom;
import dev.nnl.rng.TfSeeds;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The session's random state, as TF2 eager and numpy keep it: a global seed, one Philox kernel per (seed, seed2)
 * pair that continues between calls, and numpy's global RandomState. Unlike TF, an unseeded program is still
 * reproducible: it behaves as if set_seed(87654321) and np_seed(0) had run first.
 */
public final class RandomStreams {
    private static final long DEFAULT_NUMPY_SEED = 0;

    private OptionalLong globalSeed = OptionalLong.empty();
    private InternalOperationSeeds operationSeeds = new InternalOperationSeeds(TfSeeds.DEFAULT_GRAPH_SEED);
    private final Map<TfSeeds, TfRandom> kernels = new HashMap<>();
    private final RandomState numpy = new RandomState(DEFAULT_NUMPY_SEED);

    public RandomStreams(Long seed) {
        if (seed != null) {
            setSeed(seed);
            numpy.seed(seed);
        }
    }

    /** tf.random.set_seed: fixes the global seed and restarts every kernel and the operation-seed sequence. */
    public void setSeed(long seed) {
        globalSeed = OptionalLong.of(seed);
        operationSeeds = new InternalOperationSeeds(seed);
        kernels.clear();
    }

    /** The Philox stream for an op with this seed (null when the op has none). */
    public TfRandom kernel(Long opSeed) {
        OptionalLong op = opSeed == null ? OptionalLong.empty() : OptionalLong.of(opSeed);
        InternalOperationSeeds seeds = operationSeeds;
        TfSeeds key = TfSeeds.resolve(globalSeed, op, seeds::next);
        return kernels.computeIfAbsent(key, k -> new TfRandom(k.seed(), k.seed2()));
    }

    public RandomState numpy() { return numpy; }

    public void numpySeed(long seed) { numpy.seed(seed); }

}
