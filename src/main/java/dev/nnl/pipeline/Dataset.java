package dev.nnl.pipeline;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.Sized;
import dev.nnl.rng.RandomState;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import dev.nnl.train.BatchSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A tf.data pipeline: a source of elements and the steps applied to them (shuffle, batch, repeat, map, take), run
 * lazily, a pass at a time. Each step gives a new dataset and leaves its input as it was. A for loop makes one pass;
 * fit makes one pass per epoch, so a shuffle step shuffles every epoch anew.
 */
public final class Dataset implements Iterable<Object>, BatchSource, Sized {
    /** TF's cardinality of a dataset that never ends. */
    public static final long INFINITE = -1;

    private final Supplier<Iterator<Element>> pass;
    private final long cardinality;
    // examples a pass holds, counted along the first axis of the batches fit sees (for its progress display)
    private final long examples;
    private final long rowsPerElement;
    private final boolean batched;

    private Dataset(Supplier<Iterator<Element>> pass, long cardinality, long examples, long rowsPerElement, boolean batched) {
        this.pass = pass;
        this.cardinality = cardinality;
        this.examples = examples;
        this.rowsPerElement = rowsPerElement;
        this.batched = batched;
    }

    /**
     * from_tensor_slices: element i holds row i of every component. {@code names} say what the components are
     * called in the error when their row counts differ.
     */
    public static Dataset slices(List<Tensor> components, List<String> names, boolean tuple) {
        Tensor first = components.get(0);
        for (int k = 0; k < components.size(); k++) {
            if (components.get(k).rank() == 0) {
                throw new NnlError("dataset: " + names.get(k) + " is a scalar; slicing needs one row per example",
                        "give a tensor whose first axis counts the examples");
            }
            long rows = components.get(k).shape()[0];
            if (rows != first.shape()[0]) {
                throw new NnlError("dataset: " + names.get(0) + " has " + first.shape()[0] + " rows but " + names.get(k)
                        + " has " + rows, "give one label per example");
            }
        }
        long n = first.shape()[0];
        Tensor[] sources = components.toArray(new Tensor[0]);
        View[] views = new View[sources.length];
        for (int k = 0; k < views.length; k++) views[k] = sources[k].view();
        return new Dataset(() -> new Iterator<>() {
            private long i;

            @Override public boolean hasNext() { return i < n; }

            @Override public Element next() {
                if (!hasNext()) throw new NoSuchElementException();
                Tensor[] parts = new Tensor[sources.length];
                for (int k = 0; k < parts.length; k++) parts[k] = Rows.row(sources[k], views[k], (int) i);
                i++;
                return new Element(parts, tuple);
            }
        }, n, n, 1, false);
    }

    /**
     * Shuffles through a buffer of {@code bufferSize} elements, as TF does: a buffer as large as the dataset
     * shuffles it uniformly, a smaller one only locally. Pass p draws from numpy's {@code RandomState(key + [p])},
     * or always from pass 0's stream when {@code reshuffle} is false.
     */
    public Dataset shuffle(long bufferSize, long[] key, boolean reshuffle) {
        if (bufferSize <= 0) throw new NnlError("shuffle: buffer_size must be positive, got " + bufferSize);
        long[] passes = {0};
        return new Dataset(() -> {
            long[] passKey = Arrays.copyOf(key, key.length + 1);
            passKey[key.length] = reshuffle ? passes[0]++ : 0;
            return new ShuffleBuffer(pass.get(), bufferSize, RandomState.ofKey(passKey));
        }, cardinality, examples, rowsPerElement, batched);
    }

    /** Stacks each run of {@code size} elements into one; the last, shorter run is kept unless {@code dropRemainder}. */
    public Dataset batch(long size, boolean dropRemainder) {
        if (size <= 0) throw new NnlError("batch: batch_size must be positive, got " + size);
        long batches = cardinality == INFINITE ? INFINITE : dropRemainder ? cardinality / size : (cardinality + size - 1) / size;
        long rows = cardinality == INFINITE ? INFINITE : dropRemainder ? batches * size : cardinality;
        return new Dataset(() -> new Iterator<>() {
            private final Iterator<Element> source = pass.get();
            // the next batch, made only when asked for, so that map functions run no earlier than needed
            private Element next;

            private Element advance() {
                List<Element> run = new ArrayList<>();
                while (run.size() < size && source.hasNext()) run.add(source.next());
                if (run.isEmpty() || (dropRemainder && run.size() < size)) return null;
                Element first = run.get(0);
                Tensor[] parts = new Tensor[first.parts().length];
                for (int k = 0; k < parts.length; k++) {
                    List<Tensor> column = new ArrayList<>();
                    for (Element e : run) {
                        if (e.parts().length != parts.length) {
                            throw new NnlError("cannot batch elements with " + parts.length + " and " + e.parts().length + " components");
                        }
                        column.add(e.parts()[k]);
                    }
                    parts[k] = Rows.stack(column, parts.length == 1 ? "the elements" : "component " + k + " of the elements");
                }
                return new Element(parts, first.tuple());
            }

            @Override public boolean hasNext() {
                if (next == null) next = advance();
                return next != null;
            }

            @Override public Element next() {
                if (!hasNext()) throw new NoSuchElementException();
                Element out = next;
                next = null;
                return out;
            }
        }, batches, rows, size, true);
    }

    /** The elements {@code count} times over, each time a new pass; a negative count repeats them forever. */
    public Dataset repeat(long count) {
        boolean endless = count < 0 || cardinality == INFINITE;
        long total = cardinality == 0 || count == 0 ? 0 : endless ? INFINITE : cardinality * count;
        long rows = total == INFINITE ? INFINITE : total == 0 ? 0 : examples * count;
        return new Dataset(() -> new Iterator<>() {
            private long done;
            private Iterator<Element> current = count == 0 ? null : pass.get();

            @Override public boolean hasNext() {
                while (current != null && !current.hasNext()) {
                    done++;
                    // a new pass that is empty at once means the dataset is empty: stop rather than loop forever
                    current = count >= 0 && done >= count ? null : pass.get();
                    if (current != null && !current.hasNext()) current = null;
                }
                return current != null;
            }

            @Override public Element next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }
        }, total, rows, rowsPerElement, batched);
    }

    /** Each element replaced by what {@code fn} makes of it. */
    public Dataset map(UnaryOperator<Element> fn) {
        return new Dataset(() -> new Iterator<>() {
            private final Iterator<Element> source = pass.get();

            @Override public boolean hasNext() { return source.hasNext(); }

            @Override public Element next() { return fn.apply(source.next()); }
        }, cardinality, examples, rowsPerElement, batched);
    }

    /** At most the first {@code count} elements. */
    public Dataset take(long count) {
        if (count < 0) throw new NnlError("take: count must not be negative, got " + count);
        long total = cardinality == INFINITE ? count : Math.min(count, cardinality);
        long rows = examples == INFINITE ? count * rowsPerElement : Math.min(examples, count * rowsPerElement);
        return new Dataset(() -> new Iterator<>() {
            private final Iterator<Element> source = pass.get();
            private long taken;

            @Override public boolean hasNext() { return taken < count && source.hasNext(); }

            @Override public Element next() {
                if (!hasNext()) throw new NoSuchElementException();
                taken++;
                return source.next();
            }
        }, total, rows, rowsPerElement, batched);
    }

    /** The number of elements, or {@link #INFINITE}. */
    public long cardinality() { return cardinality; }

    /** One pass over the elements. */
    public Iterator<Element> elements() { return pass.get(); }

    @Override
    public Iterator<Object> iterator() {
        Iterator<Element> source = pass.get();
        return new Iterator<>() {
            @Override public boolean hasNext() { return source.hasNext(); }

            @Override public Object next() { return source.next().value(); }
        };
    }

    @Override
    public long length() {
        if (cardinality == INFINITE) throw new NnlError("len() of an endless dataset", "repeat(n) with a count, or take(n), makes it finite");
        return cardinality;
    }

    @Override
    public Iterator<Tensor[]> epoch() {
        if (cardinality == INFINITE) {
            throw new NnlError("fit cannot train on an endless dataset: repeat() without a count never ends an epoch",
                    "leave out repeat(): fit's epochs= passes over the data again, or give repeat a count");
        }
        if (!batched) throw new NnlError("fit takes batches, but this dataset's elements are single examples", "add .batch(32)");
        Iterator<Element> source = pass.get();
        return new Iterator<>() {
            @Override public boolean hasNext() { return source.hasNext(); }

            @Override public Tensor[] next() {
                Element e = source.next();
                if (e.parts().length != 2) {
                    throw new NnlError("fit needs (features, labels) pairs, but this dataset's elements have " + e.parts().length
                            + " component" + (e.parts().length == 1 ? "" : "s"), "make it with dataset(x, y), or map to a pair");
                }
                return e.parts().clone();
            }
        };
    }

    @Override
    public long examples() { return examples; }

    @Override
    public String toString() {
        if (cardinality == INFINITE) return "<dataset: endless>";
        String unit = batched ? (cardinality == 1 ? "batch" : "batches") : (cardinality == 1 ? "element" : "elements");
        return "<dataset: " + cardinality + " " + unit + ">";
    }
}
