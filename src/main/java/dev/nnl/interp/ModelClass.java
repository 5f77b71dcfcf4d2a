package dev.nnl.interp;

import dev.nnl.layers.ModelInstance;
import dev.nnl.syntax.Expr;
import dev.nnl.syntax.Span;
import dev.nnl.syntax.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a {@code model Name(params) { fields; methods }} declaration: calling it makes a model whose fields
 * are evaluated in order (each sees the parameters and the fields before it) and whose methods see the fields.
 */
public final class ModelClass implements Callable {
    private final Stmt.ModelDecl decl;
    private final Environment closure;
    private final Signature signature;

    ModelClass(Stmt.ModelDecl decl, Environment closure, List<Object> defaults) {
        this.decl = decl;
        this.closure = closure;
        List<String> names = new ArrayList<>();
        List<Object> dflts = new ArrayList<>();
        for (int i = 0; i < decl.params().size(); i++) {
            Expr.Param p = decl.params().get(i);
            names.add(p.name());
            dflts.add(p.defaultValue() == null ? Signature.REQUIRED : defaults.get(i));
        }
        this.signature = Signature.of(decl.name(), names, dflts);
    }

    @Override
    public String name() { return decl.name(); }

    @Override
    public Signature signature() { return signature; }

    @Override
    public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
        Object[] bound = signature.bind(positional, named);
        String modelName = interpreter.session().layers().uniqueName(dev.nnl.layers.Model.snakeCase(decl.name()));
        Environment scope = new Environment(closure);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < bound.length; i++) {
            scope.define(decl.params().get(i).name(), bound[i]);
            fields.put(decl.params().get(i).name(), bound[i]);
        }
        Map<String, Function> methods = new LinkedHashMap<>();
        for (Stmt.Def d : decl.methods()) {
            List<Object> defaults = new ArrayList<>();
            for (Expr.Param p : d.params()) defaults.add(p.defaultValue() == null ? null : interpreter.evaluate(p.defaultValue(), scope));
            Function f = new Function(d.name(), d.params(), d.body(), d.bodyExpr(), scope, defaults);
            methods.put(d.name(), f);
            scope.define(d.name(), f);
        }
        for (Stmt.ModelDecl.Field f : decl.fields()) {
            Object value = interpreter.evaluate(f.value(), scope);
            scope.define(f.name(), value);
            fields.put(f.name(), value);
        }
        Function forward = methods.get("call");
        if (forward == null) {
            throw new NnlError("model " + decl.name() + " has no call method", "add one: call(x) = ..., or call(x, training=false) { ... }");
        }
        return new ModelInstance(modelName, decl.name(), fields, methods, forward);
    }

    @Override
    public String show() { return "<model class " + decl.name() + ">"; }
}
