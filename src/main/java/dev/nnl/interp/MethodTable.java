package dev.nnl.interp;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Methods and properties of builtin value types ({@code t.shape}, {@code xs.append(1)}, {@code rng.rand(2)}). */
public final class MethodTable {
    private final Map<Class<?>, Map<String, Object>> byType = new HashMap<>();

    /** A method; its first parameter is the receiver (named {@code self} in {@code params}). */
    public void method(Class<?> type, String names, String params, Builtin.Impl impl) {
        String[] all = names.split("\\s*\\|\\s*");
        Builtin b = new Builtin(all[0], Signature.parse(all[0], params), impl);
        for (String n : all) byType.computeIfAbsent(type, k -> new HashMap<>()).put(n, b);
    }

    /** A read-only property computed from the receiver. */
    public void property(Class<?> type, String name, UnaryOperator<Object> getter) {
        byType.computeIfAbsent(type, k -> new HashMap<>()).put(name, getter);
    }

    @SuppressWarnings("unchecked")
    public Object lookup(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            Map<String, Object> members = byType.get(c);
            Object m = members == null ? null : members.get(name);
            if (m instanceof Builtin b) return new BoundMethod(target, b);
            if (m != null) return ((UnaryOperator<Object>) m).apply(target);
        }
        throw new NnlError(Values.typeName(target) + " has no attribute '" + name + "'");
    }
}
