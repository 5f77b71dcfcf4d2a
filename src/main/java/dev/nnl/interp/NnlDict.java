package dev.nnl.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** An insertion-ordered map, like Python's dict; tensors are keys by identity (as placeholders are in feed dicts). */
public final class NnlDict {
    private final Map<Object, Object> entries = new LinkedHashMap<>();

    public Map<Object, Object> entries() { return entries; }

    /** Integral floats and ints are the same key, as in Python. */
    public static Object key(Object k) {
        if (k instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return d.longValue();
        return k;
    }

    public Object get(Object k) { return entries.get(key(k)); }

    public boolean containsKey(Object k) { return entries.containsKey(key(k)); }

    public void put(Object k, Object v) { entries.put(key(k), v); }
}
