package dev.nnl.pipeline;

import dev.nnl.rng.RandomState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * tf.data's shuffle: the buffer is filled with the first elements; each step gives a uniformly chosen one and puts
 * the next input element in its place, and once the input is exhausted the buffer drains in random order.
 */
final class ShuffleBuffer implements Iterator<Element> {
    private final Iterator<Element> source;
    private final RandomState random;
    private final List<Element> buffer = new ArrayList<>();

    ShuffleBuffer(Iterator<Element> source, long size, RandomState random) {
        this.source = source;
        this.random = random;
        while (buffer.size() < size && source.hasNext()) buffer.add(source.next());
    }

    @Override
    public boolean hasNext() { return !buffer.isEmpty(); }

    @Override
    public Element next() {
        if (buffer.isEmpty()) throw new NoSuchElementException();
        int i = (int) random.randint(0, buffer.size());
        Element out = buffer.get(i);
        if (source.hasNext()) {
            buffer.set(i, source.next());
        } else {
            // the order within the buffer does not matter: the last element fills the gap
            buffer.set(i, buffer.get(buffer.size() - 1));
            buffer.remove(buffer.size() - 1);
        }
        return out;
    }
}
