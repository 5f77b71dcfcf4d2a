package dev.nnl.interp;

import java.util.HashMap;
import java.util.Map;

/**
 * Variables of one scope. The global scope of a script and each function call have one; blocks share their
 * function's scope, as in Python. Reads fall back to enclosing scopes (closures), then to the builtins.
 */
public final class Environment {
    private final Map<String, Object> values = new HashMap<>();
    private final Environment enclosing;

    public Environment(Environment enclosing) {
        this.enclosing = enclosing;
    }

    public Environment enclosing() { return enclosing; }

    public Map<String, Object> values() { return values; }

    /** Looks a name up through enclosing scopes; returns {@code notFound} when it is nowhere. */
    public Object lookup(String name, Object notFound) {
        for (Environment e = this; e != null; e = e.enclosing) {
            Object v = e.values.get(name);
            if (v != null || e.values.containsKey(name)) return v;
        }
        return notFound;
    }

    public void define(String name, Object value) {
        values.put(name, value);
    }
}
