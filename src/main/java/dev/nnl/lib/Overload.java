package dev.nnl.lib;

import dev.nnl.interp.Builtin;
import dev.nnl.interp.Callable;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.syntax.Span;
import java.util.List;
import java.util.Map;

/**
 * One name for a tensor function and a Keras layer, as TF spells both: {@code conv2d(x, w, strides, padding)} is the
 * op and {@code conv2d(6, (5, 5))} the layer, {@code dropout(x, 0.5)} and {@code dropout(0.2)}, {@code flatten(x)}
 * and {@code flatten()}. A call whose first argument is a tensor (or a list of tensors) is the function.
 */
record Overload(String name, Builtin function, Builtin layer) implements Callable {

    @Override
    public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
        boolean tensorFirst = !positional.isEmpty() && isTensors(positional.get(0));
        return (tensorFirst ? function : layer).call(interpreter, positional, named, span);
    }

    private static boolean isTensors(Object v) {
        if (TensorCalls.isTensorLike(v)) return true;
        List<Object> items = Values.sequence(v);
        return items != null && !items.isEmpty() && TensorCalls.isTensorLike(items.get(0));
    }
}
