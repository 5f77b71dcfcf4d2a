package dev.nnl.repl;

import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.ir.TensorType;
import dev.nnl.layers.Layer;

/** How the REPL says what a value is, in :type, :vars and the echo after a definition. */
final class ValueType {
    private ValueType() {}

    /** A tensor's shape and dtype ({@code [2, 3] float32}), a layer's class, name and size, else the type's name. */
    static String of(Object v) {
        TensorType type = TensorCalls.typeOf(v);
        if (type != null) return type.toString();
        if (v instanceof Layer l) return l.typeName() + " " + l.name() + (l.built() ? ", " + parameters(l.countParams()) : " (not built)");
        return Values.typeName(v);
    }

    /** Whether defining a name echoes its value's type: tensors, layers and models do, other values stay quiet. */
    static boolean echoes(Object v) {
        return TensorCalls.isTensorLike(v) || v instanceof Layer;
    }

    private static String parameters(long n) {
        return n + (n == 1 ? " parameter" : " parameters");
    }
}
