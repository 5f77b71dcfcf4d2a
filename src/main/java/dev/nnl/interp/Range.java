package dev.nnl.interp;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Python's range: a lazy arithmetic sequence of ints. */
public record Range(long start, long stop, long step) implements Iterable<Object> {
    public Range {
        if (step == 0) throw new NnlError("range() step must not be zero");
    }

    public long length() {
        if (step > 0) return stop > start ? (stop - start + step - 1) / step : 0;
        return start > stop ? (start - stop - step - 1) / -step : 0;
    }

    public long get(long i) { return start + i * step; }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            long i = 0;
            final long n = length();

            @Override public boolean hasNext() { return i < n; }

            @Override public Object next() {
                if (i >= n) throw new NoSuchElementException();
                return get(i++);
            }
        };
    }
}
