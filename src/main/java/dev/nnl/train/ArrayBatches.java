package dev.nnl.train;

import dev.nnl.rng.RandomState;
import dev.nnl.tensor.Tensor;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Batches cut from two arrays, in a new random order every epoch when shuffling (Keras's fit on arrays). */
final class ArrayBatches implements BatchSource {
    private final Examples data;
    private final int batchSize;
    private final RandomState random;

    /** {@code random} null keeps the rows in order. */
    ArrayBatches(Examples data, int batchSize, RandomState random) {
        this.data = data;
        this.batchSize = batchSize;
        this.random = random;
    }

    @Override
    public Iterator<Tensor[]> epoch() {
        int n = data.count();
        int[] order = random == null ? null : random.shuffleOrder(n);
        return new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() { return from < n; }

            @Override
            public Tensor[] next() {
                if (!hasNext()) throw new NoSuchElementException();
                int to = Math.min(n, from + batchSize);
                Examples batch = data.rows(order, from, to);
                from = to;
                return new Tensor[] {batch.x(), batch.y()};
            }
        };
    }

    @Override
    public long examples() { return data.count(); }

    @Override
    public void release(Tensor[] batch) {
        for (Tensor t : batch) if (t != null && t.heap() == null) t.array().close();
    }
}
