package dev.nnl.interp;

import dev.nnl.syntax.Expr;
import dev.nnl.syntax.Span;
import dev.nnl.syntax.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A user function or lambda: parameters, a body (block or expression) and the scope it closes over. */
public final class Function implements Callable {
    private final String name;
    private final List<Expr.Param> params;
    private final Stmt.Block body;
    private final Expr bodyExpr;
    private final Environment closure;
    private final List<Object> defaults;
    private final Signature signature;

    public Function(String name, List<Expr.Param> params, Stmt.Block body, Expr bodyExpr, Environment closure,
                    List<Object> defaults) {
        this.name = name;
        this.params = params;
        this.body = body;
        this.bodyExpr = bodyExpr;
        this.closure = closure;
        this.defaults = defaults;
        List<String> names = new ArrayList<>();
        List<Object> dflts = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            names.add(params.get(i).name());
            dflts.add(params.get(i).defaultValue() == null ? Signature.REQUIRED : defaults.get(i));
        }
        this.signature = Signature.of(name, names, dflts);
    }

    @Override
    public String name() { return name; }

    @Override
    public Signature signature() { return signature; }

    @Override
    public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
        Object[] bound = signature.bind(positional, named);
        Environment scope = new Environment(closure);
        for (int i = 0; i < params.size(); i++) scope.define(params.get(i).name(), bound[i]);
        if (bodyExpr != null) return interpreter.evaluate(bodyExpr, scope);
        return interpreter.runBody(body, scope);
    }
}
