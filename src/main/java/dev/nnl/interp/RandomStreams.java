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
    private final Map<String, TfRandom> kernels = new HashMap<>();
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

    /**
     * The Philox stream for one call of a random op ({@code kind} and dtype name it, as TF's kernel cache does) with
     * this op seed (null when the call has none). After set_seed, calls with the same seeds continue one stream, as
     * TF2's cached eager kernels do; without a global seed every call starts its stream afresh, as each TF1 op does,
     * so that ports of TF1 programs (two variables drawn with seed=1) get the course's numbers.
     */
    public TfRandom kernel(String kind, Long opSeed) {
        TfSeeds key = seeds(opSeed);
        if (globalSeed.isEmpty()) return new TfRandom(key.seed(), key.seed2());
        return kernels.computeIfAbsent(kind + key, k -> new TfRandom(key.seed(), key.seed2()));
    }

    /**
     * The (seed, seed2) pair of a random op with this op seed (null when the call has none), from the global seed
     * and, without an op seed, the next internal operation seed, as TF's {@code get_seed}.
     */
    public TfSeeds seeds(Long opSeed) {
        OptionalLong op = opSeed == null ? OptionalLong.empty() : OptionalLong.of(opSeed);
        InternalOperationSeeds seeds = operationSeeds;
        return TfSeeds.resolve(globalSeed, op, seeds::next);
    }

    public RandomState numpy() { return numpy; }

    public void numpySeed(long seed) { numpy.seed(seed); }

}
