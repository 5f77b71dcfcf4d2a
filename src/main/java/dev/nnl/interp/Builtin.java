package dev.nnl.interp;

import dev.nnl.syntax.Span;
import java.util.List;
import java.util.Map;

/** A function implemented in Java, bound to a name (and aliases) with a parameter list the checker can see. */
public record Builtin(String name, Signature signature, Impl impl) implements Callable {

    @FunctionalInterface
    public interface Impl {
        Object apply(Args args);
    }

    @Override
    public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
        return impl.apply(new Args(interpreter, signature, signature.bind(positional, named), span));
    }
}
