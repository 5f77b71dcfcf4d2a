package dev.nnl.interp;

/** {@code value.name}: fields of objects that have them, else the method table of the value's type. */
final class Attributes {
    private Attributes() {}

    static Object get(Object target, String name, Interpreter interpreter) {
        if (target == null) throw new NnlError("none has no attribute '" + name + "'");
        if (target instanceof HasAttributes h && h.hasAttribute(name)) return h.attribute(name);
        return interpreter.session().methods().lookup(target, name, interpreter.session());
    }

    static void set(Object target, String name, Object value) {
        throw new NnlError("cannot set attribute '" + name + "' of " + Values.typeName(target));
    }
}
