package dev.nnl.interp;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every builtin name of the language, with its aliases (TF and numpy spellings) bound to one implementation and one
 * parameter list. The checker reads it for arity and named-argument checks; the interpreter for calls.
 */
public final class BuiltinTable {
    private final Map<String, Object> entries = new TreeMap<>();

    /** Registers {@code impl} under every name in {@code names} (the first is the canonical one). */
    public Builtin define(String names, String params, Builtin.Impl impl) {
        String[] all = names.split("\\s*\\|\\s*");
        Builtin builtin = new Builtin(all[0], Signature.parse(all[0], params), impl);
        for (String n : all) put(n, builtin);
        return builtin;
    }

    /** Binds a name to a constant value (dtypes, newaxis, pi, namespaces). */
    public void constant(String name, Object value) {
        put(name, value);
    }

    private void put(String name, Object value) {
        if (entries.containsKey(name)) throw new IllegalStateException("builtin defined twice: " + name);
        entries.put(name, value);
    }

    public Object get(String name) { return entries.get(name); }

    public boolean has(String name) { return entries.containsKey(name); }

    public Map<String, Object> all() { return Collections.unmodifiableMap(entries); }
}
