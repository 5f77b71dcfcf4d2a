package dev.nnl.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Methods and properties of builtin value types ({@code t.shape}, {@code xs.append(1)}, {@code rng.rand(2)}). */
public final class MethodTable {
    private final Map<Class<?>, Map<String, Object>> byType = new HashMap<>();
    private final Map<Class<?>, Class<?>> fallbacks = new HashMap<>();

    /** A method; its first parameter is the receiver (named {@code self} in {@code params}). */
    public void method(Class<?> type, String names, String params, Builtin.Impl impl) {
        String[] all = names.split("\\s*\\|\\s*");
        Builtin b = new Builtin(all[0], Signature.parse(all[0], params), impl);
        for (String n : all) byType.computeIfAbsent(type, k -> new HashMap<>()).put(n, b);
    }

    /** A read-only property computed from the receiver. */
    public void property(Class<?> type, String name, Property getter) {
        byType.computeIfAbsent(type, k -> new HashMap<>()).put(name, getter);
    }

    /** A property's getter; the session is there for properties that record ops ({@code x.T}). */
    @FunctionalInterface
    public interface Property {
        Object get(Object target, Session session);
    }

    /** Makes {@code type} answer with {@code like}'s members where it has none of its own (recipes and variables are tensors). */
    public void share(Class<?> type, Class<?> like) {
        fallbacks.put(type, like);
    }

    public Object lookup(Object target, String name, Session session) {
        Object m = member(target, name);
        if (m instanceof Builtin b) return new BoundMethod(target, b);
        if (m != null) return ((Property) m).get(target, session);
        throw new NnlError(Values.typeName(target) + " has no attribute '" + name + "'");
    }

    /** The method {@code target.name} names, without calling anything; null when it is a property or absent. */
    public Builtin method(Object target, String name) {
        return member(target, name) instanceof Builtin b ? b : null;
    }

    /** The names of the methods and properties of {@code target}'s type, for completion. */
    public Set<String> names(Object target) {
        Set<String> out = new TreeSet<>();
        for (Map<String, Object> members : tables(target)) out.addAll(members.keySet());
        return out;
    }

    private Object member(Object target, String name) {
        for (Map<String, Object> members : tables(target)) {
            Object m = members.get(name);
            if (m != null) return m;
        }
        return null;
    }

    /** The member tables that apply to {@code target}, in lookup order: its class and superclasses, then fallbacks. */
    private List<Map<String, Object>> tables(Object target) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Class<?> type = target.getClass(); type != null; type = fallbacks.get(type)) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                Map<String, Object> members = byType.get(c);
                if (members != null) out.add(members);
            }
        }
        return out;
    }
}
