package dev.nnl.interp;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.SliceOp;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** {@code x[...]}, assignment to elements, unpacking, and iteration, for host containers and tensors alike. */
public final class Indexing {
    private Indexing() {}

    public static Object index(Object target, List<Object> subs, Session session, Span span) {
        if (TensorCalls.isTensorLike(target)) {
            return TensorCalls.apply(session, span, SliceOp.INSTANCE, Attrs.of("index", tensorIndices(subs)), target);
        }
        if (target instanceof Subscriptable s) return s.subscript(subs);
        if (target instanceof NnlDict d) {
            Object key = subs.size() == 1 ? subs.get(0) : new NnlTuple(subs);
            if (!d.containsKey(key)) throw new NnlError("key " + Values.typeName(key).replace("string", "'" + key + "'")
                    + " is not in the dict", "check with: if k in d { ... }");
            return d.get(key);
        }
        List<Object> items = Values.sequence(target);
        if (items == null && target instanceof String s) items = chars(s);
        if (items == null) throw new NnlError(Values.typeName(target) + " cannot be indexed");
        if (subs.size() != 1) throw new NnlError("a " + Values.typeName(target) + " takes one index, got " + subs.size());
        Object sub = subs.get(0);
        if (sub instanceof SliceValue sv) {
            long[] picked = Slicing.sliceIndices(slice(sv), items.size());
            List<Object> out = new ArrayList<>();
            for (long i : picked) out.add(items.get((int) i));
            if (target instanceof String) return String.join("", out.stream().map(Object::toString).toList());
            return target instanceof NnlTuple ? new NnlTuple(out) : new NnlList(out);
        }
        return items.get(position(sub, items.size()));
    }

    public static void store(Object target, List<Object> subs, Object value) {
        if (target instanceof NnlDict d) {
            d.put(subs.size() == 1 ? subs.get(0) : new NnlTuple(subs), value);
        } else if (target instanceof NnlList l && subs.size() == 1 && !(subs.get(0) instanceof SliceValue)) {
            l.items().set(position(subs.get(0), l.items().size()), value);
        } else if (target instanceof Tensor) {
            throw new NnlError("tensors are values and cannot be changed in place",
                    "build a new one, e.g. with where(mask, new, x), or use a variable and assign");
        } else {
            throw new NnlError("cannot assign to an element of " + Values.typeName(target));
        }
    }

    private static int position(Object sub, int size) {
        long i;
        try {
            i = Values.toLong(sub);
        } catch (NnlError e) {
            throw new NnlError("index must be an integer, got " + Values.typeName(sub));
        }
        long k = i < 0 ? i + size : i;
        if (k < 0 || k >= size) throw new NnlError("index " + i + " is out of range for length " + size);
        return (int) k;
    }

    private static Slicing.Slice slice(SliceValue s) {
        return new Slicing.Slice(bound(s.start()), bound(s.stop()), bound(s.step()));
    }

    private static Long bound(Object v) {
        if (v == null) return null;
        try {
            return Values.toLong(v);
        } catch (NnlError e) {
            throw new NnlError("slice bounds must be integers, got " + Values.typeName(v));
        }
    }

    private static List<Slicing.Index> tensorIndices(List<Object> subs) {
        List<Slicing.Index> out = new ArrayList<>();
        for (Object s : subs) {
            if (s instanceof SliceValue sv) out.add(slice(sv));
            else if (s == SpecialIndex.NEWAXIS || s == null) out.add(Slicing.Marker.NEW_AXIS);
            else if (s == SpecialIndex.ELLIPSIS) out.add(Slicing.Marker.ELLIPSIS);
            else if (s instanceof Long l) out.add(new Slicing.Point(l));
            else if (s instanceof Tensor t && t.rank() == 0 && !t.dtype().isFloating()) out.add(new Slicing.Point(t.longs()[0]));
            else if (s instanceof Tensor t && t.dtype().isInteger()) out.add(new Slicing.Take(t.longs(), t.shape()));
            else if (s instanceof NnlList l) {
                Tensor t = Values.toNumpyArray(l, null);
                if (!t.dtype().isInteger()) throw new NnlError("a list used as an index must hold integers");
                out.add(new Slicing.Take(t.longs(), t.shape()));
            } else {
                throw new NnlError("a tensor index must be an int, a slice a:b:c, newaxis or ..., got " + Values.typeName(s));
            }
        }
        return out;
    }

    public static List<Object> unpack(Object value, int n, Session session, Span span) {
        List<Object> items = new ArrayList<>();
        Iterator<Object> it = iterate(value, session, span);
        while (it.hasNext()) items.add(it.next());
        if (items.size() != n) {
            throw new NnlError("cannot unpack " + items.size() + " value" + (items.size() == 1 ? "" : "s") + " into "
                    + n + " targets");
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    public static Iterator<Object> iterate(Object v, Session session, Span span) {
        if (v instanceof NnlList l) return l.items().iterator();
        if (v instanceof NnlTuple t) return t.items().iterator();
        if (v instanceof Range r) return r.iterator();
        if (v instanceof String s) return chars(s).iterator();
        if (v instanceof NnlDict d) return new ArrayList<>(d.entries().keySet()).iterator();
        if (TensorCalls.isTensorLike(v)) {
            long[] shape = TensorCalls.shapeOf(v);
            if (shape.length == 0) throw new NnlError("cannot iterate over a scalar tensor");
            if (shape[0] < 0) throw new NnlError("cannot iterate over an axis of unknown length", "iterate inside run's result instead");
            return rows(v, shape[0], session, span);
        }
        if (v instanceof Iterable<?> it) return (Iterator<Object>) it.iterator();
        throw new NnlError(Values.typeName(v) + " cannot be iterated");
    }

    private static Iterator<Object> rows(Object t, long n, Session session, Span span) {
        return new Iterator<>() {
            long i = 0;

            @Override public boolean hasNext() { return i < n; }

            @Override public Object next() {
                if (i >= n) throw new NoSuchElementException();
                List<Slicing.Index> row = List.of(new Slicing.Point(i++));
                return TensorCalls.apply(session, span, SliceOp.INSTANCE, Attrs.of("index", row), t);
            }
        };
    }

    private static List<Object> chars(String s) {
        List<Object> out = new ArrayList<>();
        s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        return out;
    }
}
