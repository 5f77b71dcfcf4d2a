package dev.nnl.interp;

/** An imported script: its global variables are its attributes. */
public record Module(String name, Environment globals) implements HasAttributes {
    @Override
    public Object attribute(String attr) {
        if (!globals.values().containsKey(attr)) {
            throw new NnlError("module " + name + " has no '" + attr + "'");
        }
        return globals.values().get(attr);
    }
}
