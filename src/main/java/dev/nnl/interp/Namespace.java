package dev.nnl.interp;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code tf}, {@code np} and their sub-namespaces ({@code tf.nn}, {@code tf.random}, {@code np.random}, ...), so that
 * ports can keep the course's spellings. An attribute resolves through the namespace's renames, its
 * own members (sub-namespaces, and values such as {@code tf.bool}, which the flat table spells differently), then
 * the flat builtin table.
 */
public record Namespace(String name, Map<String, String> renames, Map<String, Object> members, BuiltinTable table)
        implements HasAttributes {
    @Override
    public Object attribute(String attr) {
        Object member = members.get(attr);
        if (member != null) return member;
        String target = renames.getOrDefault(attr, attr);
        if (table.has(target)) return table.get(target);
        throw new NnlError(name + "." + attr + " is not available", "NNL builtins have flat names: try " + attr
                + "(...) or look it up in docs/language.md");
    }

    /** Its own members and renames, and every flat builtin, which any namespace reaches too. */
    @Override
    public Collection<String> attributeNames() {
        Collection<String> names = new TreeSet<>(members.keySet());
        names.addAll(renames.keySet());
        names.addAll(table.all().keySet());
        return names;
    }
}
