package dev.nnl.pipeline;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.Sized;
import dev.nnl.rng.RandomState;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import dev.nnl.train.BatchSource;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Keras's {@code flow(x, y, batch_size)}: an epoch is ceil(n / batch_size) batches of freshly augmented pictures
 * (float32, as Keras makes them) with their labels, in a new random order each epoch when shuffling. With a seed,
 * batch k of the flow (counted over all epochs) draws from numpy's {@code RandomState(seed + k)}, first the epoch's
 * order when it starts one, then each picture's transform: Keras's own seeding, so the batches are reproducible.
 * Without one, the draws continue the session's numpy stream, as Keras's continue numpy's global one.
 */
public final class ImageFlow implements BatchSource, Iterable<Object>, Sized {
    private final ImageDataGenerator generator;
    private final Tensor y;
    private final View pixels;
    private final int n;
    private final int h;
    private final int w;
    private final int c;
    private final int batchSize;
    private final boolean shuffle;
    private final Long seed;
    private final RandomState session;
    private long batchesSeen;

    public ImageFlow(ImageDataGenerator generator, Tensor x, Tensor y, int batchSize, boolean shuffle, Long seed, RandomState session) {
        ImageDataGenerator.requirePictures(x, "flow");
        if (y.rank() == 0 || y.shape()[0] != x.shape()[0]) {
            throw new NnlError("flow: x has " + x.shape()[0] + " pictures but y has " + (y.rank() == 0 ? "a single label" : y.shape()[0] + " labels"),
                    "give one label per picture");
        }
        if (x.shape()[0] == 0) throw new NnlError("flow needs at least one picture");
        if (batchSize <= 0) throw new NnlError("flow: batch_size must be positive, got " + batchSize);
        this.generator = generator;
        this.y = y;
        this.pixels = x.cast(DType.FLOAT32).view();
        long[] s = x.shape();
        this.n = (int) s[0];
        this.h = (int) s[1];
        this.w = (int) s[2];
        this.c = (int) s[3];
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed != null ? seed : generator.seed();
        this.session = session;
    }

    @Override
    public Iterator<Tensor[]> epoch() {
        return new Iterator<>() {
            private int from;
            private int[] order;

            @Override public boolean hasNext() { return from < n; }

            @Override public Tensor[] next() {
                if (!hasNext()) throw new NoSuchElementException();
                RandomState random = seed == null ? session : new RandomState((seed + batchesSeen) & 0xFFFFFFFFL); // wraps where numpy would refuse
                if (order == null) order = shuffle ? random.shuffleOrder(n) : identity(n);
                int to = Math.min(n, from + batchSize);
                Tensor[] batch = batch(order, from, to, random);
                from = to;
                batchesSeen++;
                return batch;
            }
        };
    }

    private Tensor[] batch(int[] order, int from, int to, RandomState random) {
        int size = h * w * c;
        Tensor x = Tensor.allocate(DType.FLOAT32, new long[] {to - from, h, w, c});
        View target = x.view();
        long[] rows = new long[to - from];
        float[] image = new float[size];
        for (int k = 0; k < rows.length; k++) {
            int row = order[from + k];
            rows[k] = row;
            for (int i = 0; i < size; i++) image[i] = (float) pixels.get(row * size + i);
            float[] out = generator.randomTransform(random, h, w).apply(image, h, w, c);
            generator.standardize(out);
            for (int i = 0; i < size; i++) target.set(k * size + i, out[i]);
        }
        return new Tensor[] {x, Rows.take(y, rows)};
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    @Override
    public long examples() { return n; }

    @Override
    public void release(Tensor[] batch) {
        for (Tensor t : batch) if (t.heap() == null) t.array().close();
    }

    /** The batches of one epoch, each {@code (x, y)}. */
    @Override
    public Iterator<Object> iterator() {
        Iterator<Tensor[]> batches = epoch();
        return new Iterator<>() {
            @Override public boolean hasNext() { return batches.hasNext(); }

            @Override public Object next() {
                Tensor[] b = batches.next();
                return NnlTuple.of(b[0], b[1]);
            }
        };
    }

    @Override
    public long length() { return (n + batchSize - 1) / batchSize; }

    @Override
    public String toString() {
        return "<flow: " + length() + " batches of up to " + batchSize + " pictures>";
    }
}
