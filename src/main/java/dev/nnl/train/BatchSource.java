package dev.nnl.train;

import dev.nnl.tensor.Tensor;
import java.util.Iterator;

/**
 * Where fit takes its training batches from when they are not two arrays: datasets (shuffled, batched, mapped) and
 * augmenting image generators. Each epoch is a fresh pass.
 */
public interface BatchSource {
    /** The batches of one epoch, each {features, labels}. */
    Iterator<Tensor[]> epoch();

    /** How many examples an epoch holds, for the progress display. */
    long examples();

    /** Called when fit is done with a batch; a source that made the batch's tensors may free them. */
    default void release(Tensor[] batch) {}
}
