package dev.nnl.interp;

import dev.nnl.ir.Variable;
import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.Expr;
import dev.nnl.syntax.NnlException;
import dev.nnl.syntax.Pattern;
import dev.nnl.syntax.ScriptParser;
import dev.nnl.syntax.Source;
import dev.nnl.syntax.Span;
import dev.nnl.syntax.Stmt;
import dev.nnl.tensor.ShapeError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs statements in order over host values and tensors; every error leaves with the span that caused it. */
public final class Interpreter {
    private static final Object UNDEFINED = new Object();

    private final Session session;
    private final Environment globals;
    private final Path directory;

    public Interpreter(Session session, Path directory) {
        this(session, directory, new Environment(null));
    }

    /** An interpreter over existing globals: an embedding host runs each file from its own directory. */
    public Interpreter(Session session, Path directory, Environment globals) {
        this.session = session;
        this.globals = globals;
        this.directory = directory;
    }

    public Session session() { return session; }

    public Environment globals() { return globals; }

    public void run(List<Stmt> program) {
        for (Stmt s : program) execute(s, globals);
    }

    /** Runs one statement at the top level and returns the value of an expression statement (for the REPL). */
    public Object runStatement(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) return evaluate(e.expr(), globals);
        execute(s, globals);
        return null;
    }

    // ---- control-flow signals (no stack traces: they are not errors)

    private static final class BreakSignal extends RuntimeException {
        BreakSignal() { super(null, null, false, false); }
    }

    private static final class ContinueSignal extends RuntimeException {
        ContinueSignal() { super(null, null, false, false); }
    }

    private static final class ReturnSignal extends RuntimeException {
        final Object value;

        ReturnSignal(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private static final BreakSignal BREAK = new BreakSignal();
    private static final ContinueSignal CONTINUE = new ContinueSignal();

    Object runBody(Stmt.Block body, Environment scope) {
        try {
            for (Stmt s : body.statements()) execute(s, scope);
            return null;
        } catch (ReturnSignal r) {
            return r.value;
        } catch (BreakSignal | ContinueSignal s) {
            throw runtime(body.span(), "break or continue outside a loop", null);
        }
    }

    // ---- statements

    private void execute(Stmt stmt, Environment env) {
        if (stmt instanceof Stmt.ExprStmt s) {
            evaluate(s.expr(), env);
        } else if (stmt instanceof Stmt.Assign s) {
            assign(s.target(), evaluate(s.value(), env), env);
        } else if (stmt instanceof Stmt.AugAssign s) {
            Object current = evaluate(targetExpr(s.target()), env);
            Object value = evaluate(s.value(), env);
            if (current instanceof Variable v) {
                // w -= lr * g on a variable updates it at once; the name keeps the variable
                guard(s.span(), () -> {
                    VariableUpdates.now(v, s.op(), value, session, s.span());
                    return null;
                });
            } else {
                assign(s.target(), guard(s.span(), () -> Operators.binary(s.op(), current, value, session, s.span())), env);
            }
        } else if (stmt instanceof Stmt.Block b) {
            for (Stmt inner : b.statements()) execute(inner, env);
        } else if (stmt instanceof Stmt.If s) {
            if (truthy(s.condition(), env)) execute(s.then(), env);
            else if (s.otherwise() != null) execute(s.otherwise(), env);
        } else if (stmt instanceof Stmt.While s) {
            while (truthy(s.condition(), env)) {
                session.checkTime(s.span());
                try {
                    execute(s.body(), env);
                } catch (BreakSignal b) {
                    break;
                } catch (ContinueSignal c) {
                    // next round
                }
            }
        } else if (stmt instanceof Stmt.For s) {
            Iterator<Object> it = iterate(evaluate(s.iterable(), env), s.iterable().span());
            while (it.hasNext()) {
                session.checkTime(s.span());
                assign(s.target(), it.next(), env);
                try {
                    execute(s.body(), env);
                } catch (BreakSignal b) {
                    break;
                } catch (ContinueSignal c) {
                    // next round
                }
            }
        } else if (stmt instanceof Stmt.Break) {
            throw BREAK;
        } else if (stmt instanceof Stmt.Continue) {
            throw CONTINUE;
        } else if (stmt instanceof Stmt.Return r) {
            throw new ReturnSignal(r.value() == null ? null : evaluate(r.value(), env));
        } else if (stmt instanceof Stmt.Def d) {
            env.define(d.name(), function(d.name(), d.params(), d.body(), d.bodyExpr(), env));
        } else if (stmt instanceof Stmt.ModelDecl m) {
            List<Object> defaults = new ArrayList<>();
            for (Expr.Param p : m.params()) defaults.add(p.defaultValue() == null ? null : evaluate(p.defaultValue(), env));
            env.define(m.name(), new ModelClass(m, env, defaults));
        } else if (stmt instanceof Stmt.Import i) {
            env.define(i.alias(), importModule(i));
        }
    }

    private Function function(String name, List<Expr.Param> params, Stmt.Block body, Expr bodyExpr, Environment env) {
        List<Object> defaults = new ArrayList<>();
        for (Expr.Param p : params) defaults.add(p.defaultValue() == null ? null : evaluate(p.defaultValue(), env));
        return new Function(name, params, body, bodyExpr, env, defaults);
    }

    private Module importModule(Stmt.Import i) {
        Path path = directory.resolve(i.path()).normalize();
        Module cached = session.modules().get(path);
        if (cached != null) return cached;
        if (session.importing().contains(path)) throw runtime(i.span(), "import cycle: " + path + " imports itself", null);
        String text;
        try {
            text = Files.readString(session.files().readable(path, i.span()));
        } catch (IOException e) {
            throw runtime(i.span(), "cannot read " + path + ": " + e.getMessage(), "check the path; it is relative to this script");
        }
        session.importing().add(path);
        try {
            Interpreter inner = new Interpreter(session, path.getParent() == null ? directory : path.getParent());
            inner.run(ScriptParser.parse(new Source(path.toString(), text)));
            Module module = new Module(i.alias(), inner.globals);
            session.modules().put(path, module);
            return module;
        } finally {
            session.importing().remove(path);
        }
    }

    private Expr targetExpr(Pattern p) {
        if (p instanceof Pattern.NameTarget n) return new Expr.Name(n.name(), n.span());
        if (p instanceof Pattern.IndexTarget i) return i.target();
        if (p instanceof Pattern.AttributeTarget a) return a.target();
        throw runtime(p.span(), "cannot update several targets at once", null);
    }

    private void assign(Pattern target, Object value, Environment env) {
        if (target instanceof Pattern.NameTarget n) {
            env.define(n.name(), value);
        } else if (target instanceof Pattern.Destructure d) {
            List<Object> parts = guard(d.span(), () -> Indexing.unpack(value, d.parts().size(), session, d.span()));
            for (int i = 0; i < parts.size(); i++) assign(d.parts().get(i), parts.get(i), env);
        } else if (target instanceof Pattern.IndexTarget i) {
            Object container = evaluate(i.target().target(), env);
            List<Object> subs = subscripts(i.target().subscripts(), env);
            guard(i.span(), () -> {
                Indexing.store(container, subs, value);
                return null;
            });
        } else if (target instanceof Pattern.AttributeTarget a) {
            Object owner = evaluate(a.target().target(), env);
            guard(a.span(), () -> {
                Attributes.set(owner, a.target().name(), value);
                return null;
            });
        }
    }

    // ---- expressions

    Object evaluate(Expr expr, Environment env) {
        if (expr instanceof Expr.Literal l) return l.value();
        if (expr instanceof Expr.Name n) return lookup(n, env);
        if (expr instanceof Expr.Binary b) {
            Object left = evaluate(b.left(), env);
            Object right = evaluate(b.right(), env);
            return guard(b.span(), () -> Operators.binary(b.op(), left, right, session, b.span()));
        }
        if (expr instanceof Expr.Call c) return call(c, env);
        if (expr instanceof Expr.Index i) {
            Object target = evaluate(i.target(), env);
            List<Object> subs = subscripts(i.subscripts(), env);
            return guard(i.span(), () -> Indexing.index(target, subs, session, i.span()));
        }
        if (expr instanceof Expr.Attribute a) {
            Object target = evaluate(a.target(), env);
            return guard(a.span(), () -> Attributes.get(target, a.name(), this));
        }
        if (expr instanceof Expr.Interpolation s) return interpolate(s, env);
        if (expr instanceof Expr.Unary u) {
            Object v = evaluate(u.operand(), env);
            return guard(u.span(), () -> Operators.unary(u.op(), v, session, u.span()));
        }
        if (expr instanceof Expr.Not n) return !truthy(n.operand(), env);
        if (expr instanceof Expr.Logical l) {
            Object left = evaluate(l.left(), env);
            boolean t = guard(l.left().span(), () -> Values.truthy(left));
            if (l.op().equals("and")) return t ? evaluate(l.right(), env) : left;
            return t ? left : evaluate(l.right(), env);
        }
        if (expr instanceof Expr.ListLit l) {
            List<Object> items = new ArrayList<>();
            for (Expr e : l.items()) items.add(evaluate(e, env));
            return new NnlList(items);
        }
        if (expr instanceof Expr.TupleLit t) {
            List<Object> items = new ArrayList<>();
            for (Expr e : t.items()) items.add(evaluate(e, env));
            return new NnlTuple(items);
        }
        if (expr instanceof Expr.DictLit d) {
            NnlDict dict = new NnlDict();
            for (int i = 0; i < d.keys().size(); i++) dict.put(evaluate(d.keys().get(i), env), evaluate(d.values().get(i), env));
            return dict;
        }
        if (expr instanceof Expr.Comprehension c) {
            List<Object> out = new ArrayList<>();
            comprehend(c, 0, new Environment(env), out);
            return new NnlList(out);
        }
        if (expr instanceof Expr.Lambda l) return function("<lambda>", l.params(), l.bodyBlock(), l.bodyExpr(), env);
        if (expr instanceof Expr.IfExpr i) {
            if (truthy(i.condition(), env)) return blockValue(i.then(), env);
            return i.otherwiseBlock() != null ? blockValue(i.otherwiseBlock(), env) : evaluate(i.otherwiseExpr(), env);
        }
        return DimName.UNKNOWN; // '?', meaningful in input shapes
    }

    private Object blockValue(Stmt.Block block, Environment env) {
        Object last = null;
        for (Stmt s : block.statements()) {
            if (s instanceof Stmt.ExprStmt e) last = evaluate(e.expr(), env);
            else {
                execute(s, env);
                last = null;
            }
        }
        return last;
    }

    private void comprehend(Expr.Comprehension c, int clause, Environment scope, List<Object> out) {
        if (clause == c.clauses().size()) {
            out.add(evaluate(c.element(), scope));
            return;
        }
        Expr.Comprehension.Clause cl = c.clauses().get(clause);
        Iterator<Object> it = iterate(evaluate(cl.iterable(), scope), cl.iterable().span());
        next:
        while (it.hasNext()) {
            session.checkTime(c.span());
            assign(cl.pattern(), it.next(), scope);
            for (Expr cond : cl.conditions()) if (!truthy(cond, scope)) continue next;
            comprehend(c, clause + 1, scope, out);
        }
    }

    private Object lookup(Expr.Name n, Environment env) {
        Object v = env.lookup(n.name(), UNDEFINED);
        if (v != UNDEFINED) return v;
        if (session.builtins().has(n.name())) return session.builtins().get(n.name());
        throw new NnlException(new Diagnostic(Diagnostic.Kind.NAME, n.span(), "undefined name '" + n.name() + "'",
                Names.suggestion(n.name(), env, session.builtins())));
    }

    private String interpolate(Expr.Interpolation s, Environment env) {
        StringBuilder out = new StringBuilder();
        for (Expr.Interpolation.Part p : s.parts()) {
            if (p.expr() == null) {
                out.append(p.text());
                continue;
            }
            Object v = evaluate(p.expr(), env);
            out.append(guard(p.expr().span(), () -> p.spec() == null ? Printer.str(v, session) : Printer.format(v, p.spec(), session)));
        }
        return out.toString();
    }

    private List<Object> subscripts(List<Expr.Subscript> subs, Environment env) {
        List<Object> out = new ArrayList<>();
        for (Expr.Subscript s : subs) {
            if (s instanceof Expr.EllipsisSub) {
                out.add(SpecialIndex.ELLIPSIS);
            } else if (s instanceof Expr.Element e) {
                out.add(evaluate(e.index(), env));
            } else {
                Expr.Slice sl = (Expr.Slice) s;
                out.add(new SliceValue(
                        sl.start() == null ? null : evaluate(sl.start(), env),
                        sl.stop() == null ? null : evaluate(sl.stop(), env),
                        sl.step() == null ? null : evaluate(sl.step(), env)));
            }
        }
        return out;
    }

    private Object call(Expr.Call c, Environment env) {
        Object callee = evaluate(c.callee(), env);
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        boolean shapeWithNames = callee instanceof Builtin b && NAMED_DIM_CALLS.contains(b.name());
        for (Expr.Call.Arg a : c.args()) {
            Object v = shapeWithNames && isShapeArgument(a, positional.size()) ? shapeLiteral(a.value(), env) : evaluate(a.value(), env);
            if (a.name() == null) positional.add(v);
            else named.put(a.name(), v);
        }
        if (!(callee instanceof Callable f)) {
            throw runtime(c.callee().span(), Values.typeName(callee) + " is not a function", null);
        }
        session.checkTime(c.span());
        return guard(c.span(), () -> f.call(this, positional, named, c.span()));
    }

    /** The builtins whose shape argument may name dimensions: input([batch, 784]). */
    public static final java.util.Set<String> NAMED_DIM_CALLS = java.util.Set.of("input", "placeholder");

    private static boolean isShapeArgument(Expr.Call.Arg a, int positionSoFar) {
        return "shape".equals(a.name()) || (a.name() == null && positionSoFar == 0 && a.value() instanceof Expr.ListLit);
    }

    /** A shape list in which an undefined name is a named dimension rather than an error. */
    private Object shapeLiteral(Expr e, Environment env) {
        List<Expr> items = e instanceof Expr.ListLit l ? l.items() : e instanceof Expr.TupleLit t ? t.items() : null;
        if (items == null) return evaluate(e, env);
        List<Object> dims = new ArrayList<>();
        for (Expr item : items) {
            boolean undefined = item instanceof Expr.Name n && env.lookup(n.name(), UNDEFINED) == UNDEFINED
                    && !session.builtins().has(n.name());
            dims.add(undefined ? new DimName(((Expr.Name) item).name()) : evaluate(item, env));
        }
        return new NnlList(dims);
    }

    // ---- helpers

    public Iterator<Object> iterate(Object v, Span span) {
        return guard(span, () -> Indexing.iterate(v, session, span));
    }

    private boolean truthy(Expr e, Environment env) {
        Object v = evaluate(e, env);
        return guard(e.span(), () -> Values.truthy(v));
    }

    /** Calls a script value (used by builtins such as map or sorted with a key). */
    public Object callValue(Object f, List<Object> args, Span span) {
        if (!(f instanceof Callable c)) throw new NnlError(Values.typeName(f) + " is not a function");
        return c.call(this, args, new LinkedHashMap<>(), span);
    }

    /** Calls a script value from Java: errors become diagnostics, as they do for a call in a script. */
    public Object callFromHost(Object f, List<Object> args) {
        return guard(null, () -> callValue(f, args, null));
    }

    /**
     * Runs {@code body}, turning errors from builtins, shape rules and the backend into diagnostics at {@code span}.
     * Errors that already carry a position pass through untouched.
     */
    <T> T guard(Span span, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (NnlException | BreakSignal | ContinueSignal | ReturnSignal e) {
            throw e;
        } catch (NnlError e) {
            throw runtime(span, e.getMessage(), e.hint());
        } catch (ShapeError e) {
            throw runtime(span, e.getMessage(), e.hint());
        } catch (StackOverflowError e) {
            throw runtime(span, "too deep recursion", "a function calls itself without end?");
        } catch (OutOfMemoryError e) {
            throw runtime(span, "out of memory", "use smaller tensors or a larger -Xmx (NNL_JAVA_OPTS)");
        } catch (RuntimeException e) {
            throw new NnlException(new Diagnostic(Diagnostic.Kind.RUNTIME, span, "backend failure: " + backendMessage(e),
                    "run with --trace to see the Java stack"), e);
        }
    }

    private static String backendMessage(Throwable e) {
        String m = e.getMessage();
        while (e.getCause() != null && (m == null || m.isBlank())) {
            e = e.getCause();
            m = e.getMessage();
        }
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    static NnlException runtime(Span span, String message, String hint) {
        return new NnlException(new Diagnostic(Diagnostic.Kind.RUNTIME, span, message, hint));
    }

}
