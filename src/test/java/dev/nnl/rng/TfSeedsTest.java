package dev.nnl.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class TfSeedsTest {

    private static final LongSupplier NOT_CONSULTED = () -> fail("internal operation seed drawn");

    @Test
    void globalAndOpSeedAreUsedAsGiven() {
        assertEquals(new TfSeeds(116, 1), TfSeeds.resolve(OptionalLong.of(116), OptionalLong.of(1), NOT_CONSULTED));
    }

    @Test
    void opSeedAloneIsPairedWithTheDefaultGraphSeed() {
        assertEquals(new TfSeeds(87654321, 1), TfSeeds.resolve(OptionalLong.empty(), OptionalLong.of(1), NOT_CONSULTED));
    }

    @Test
    void globalSeedAloneTakesTheNextInternalOperationSeed() {
        InternalOperationSeeds internal = new InternalOperationSeeds(116);
        assertEquals(new TfSeeds(116, 1280526216),
                TfSeeds.resolve(OptionalLong.of(116), OptionalLong.empty(), internal::next));
        assertEquals(new TfSeeds(116, 37494926),
                TfSeeds.resolve(OptionalLong.of(116), OptionalLong.empty(), internal::next));
    }

    @Test
    void neitherSeedBehavesAsIfTheDefaultGraphSeedHadBeenSet() {
        InternalOperationSeeds internal = new InternalOperationSeeds(TfSeeds.DEFAULT_GRAPH_SEED);
        assertEquals(new TfSeeds(87654321, 1503137960),
                TfSeeds.resolve(OptionalLong.empty(), OptionalLong.empty(), internal::next));
    }

    @Test
    void seedsAreReducedModuloMaxInt32LikePython() {
        long maxInt32 = Integer.MAX_VALUE;
        assertEquals(new TfSeeds(1, maxInt32 - 5),
                TfSeeds.resolve(OptionalLong.of(maxInt32 + 1), OptionalLong.of(-5), NOT_CONSULTED));
    }

    @Test
    void zeroZeroIsAvoidedBecauseKernelsReadItAsUnseeded() {
        assertEquals(new TfSeeds(0, Integer.MAX_VALUE),
                TfSeeds.resolve(OptionalLong.of(0), OptionalLong.of(0), NOT_CONSULTED));
        assertEquals(new TfSeeds(0, Integer.MAX_VALUE),
                TfSeeds.resolve(OptionalLong.of(Integer.MAX_VALUE), OptionalLong.of(0), NOT_CONSULTED));
    }
}
