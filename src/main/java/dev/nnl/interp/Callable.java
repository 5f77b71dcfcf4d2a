package dev.nnl.interp;

import dev.nnl.syntax.Span;
import java.util.List;
import java.util.Map;

/** Anything a script can call: user functions, lambdas, builtins, bound methods, model classes. */
public interface Callable {
    String name();

    Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span);

    /** The parameters, for arity checks and completion; null when unknown. */
    default Signature signature() { return null; }

    /** How print shows it. */
    default String show() { return "<function " + name() + ">"; }
}
