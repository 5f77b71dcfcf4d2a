package dev.nnl.ir;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The constant parameters of a node (axes, alpha, a shape, ...), compared by value for CSE and plan caching. */
public final class Attrs {
    public static final Attrs NONE = new Attrs(Map.of());

    private final Map<String, Object> values;

    private Attrs(Map<String, Object> values) {
        this.values = values;
    }

    /** Attributes from alternating names and values: {@code Attrs.of("axis", 1, "keepdims", false)}. */
    public static Attrs of(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return new Attrs(m);
    }

    public Object get(String name) { return values.get(name); }

    public int getInt(String name) { return ((Number) values.get(name)).intValue(); }

    public double getDouble(String name) { return ((Number) values.get(name)).doubleValue(); }

    public boolean getBool(String name) { return (Boolean) values.get(name); }

    public int[] getInts(String name) { return (int[]) values.get(name); }

    public long[] getLongs(String name) { return (long[]) values.get(name); }

    public boolean isEmpty() { return values.isEmpty(); }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attrs a) || a.values.size() != values.size()) return false;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!Arrays.deepEquals(new Object[] {e.getValue()}, new Object[] {a.values.get(e.getKey())})) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (out.length() > 0) out.append(", ");
            Object v = e.getValue();
            String shown = v instanceof int[] a ? Arrays.toString(a) : v instanceof long[] l ? Arrays.toString(l)
                    : v instanceof Object[] os ? Arrays.deepToString(os) : String.valueOf(v);
            out.append(e.getKey()).append('=').append(shown);
        }
        return out.toString();
    }
}
