package dev.nnl.interp;

import java.util.Collection;

/** An imported script: its global variables are its attributes. */
public record Module(String name, Environment globals) implements HasAttributes {
    @Override
    public Object attribute(String attr) {
        if (!globals.values().containsKey(attr)) {
            throw new NnlError("module " + name + " has no '" + attr + "'");
        }
        return globals.values().get(attr);
    }

    @Override
    public Collection<String> attributeNames() { return globals.values().keySet(); }
}
