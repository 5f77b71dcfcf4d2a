package dev.nnl.interp;

import dev.nnl.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A builtin method taken from a value ({@code rng.rand}); the receiver becomes its first argument. */
public record BoundMethod(Object receiver, Builtin method) implements Callable {
    @Override
    public String name() { return method.name(); }

    @Override
    public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
        List<Object> all = new ArrayList<>(positional.size() + 1);
        all.add(receiver);
        all.addAll(positional);
        return method.call(interpreter, all, named, span);
    }
}
