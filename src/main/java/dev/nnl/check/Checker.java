package dev.nnl.check;

import dev.nnl.interp.Builtin;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.Names;
import dev.nnl.interp.Signature;
import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.Expr;
import dev.nnl.syntax.Pattern;
import dev.nnl.syntax.Span;
import dev.nnl.syntax.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Static checks that run before anything executes: undefined names, wrong arity or unknown named arguments of
 * builtins and functions, and shape or dtype mismatches in tensor code whose shapes are known ({@link ShapeInference}).
 * Scoping is Python's, decided per function: a name is defined if it is bound anywhere in a visible scope.
 */
public final class Checker {
    private final BuiltinTable builtins;
    private final List<Diagnostic> problems = new ArrayList<>();

    public Checker(BuiltinTable builtins) {
        this.builtins = builtins;
    }

    /** A scope: the names it binds, and the functions it defines exactly once (whose arity can be checked). */
    private static final class Scope {
        final Scope parent;
        /** Names bound before the program runs: argv, or an embedding host's variables. */
        final Predicate<String> predefined;
        final Set<String> names = new HashSet<>();
        final Map<String, Signature> functions = new HashMap<>();
        final Set<String> rebound = new HashSet<>();

        Scope(Scope parent) {
            this(parent, name -> false);
        }

        Scope(Scope parent, Predicate<String> predefined) {
            this.parent = parent;
            this.predefined = predefined;
        }

        boolean defines(String name) {
            for (Scope s = this; s != null; s = s.parent) if (s.names.contains(name) || s.predefined.test(name)) return true;
            return false;
        }

        Signature function(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.names.contains(name)) return s.rebound.contains(name) ? null : s.functions.get(name);
            }
            return null;
        }

        Set<String> visible() {
            Set<String> all = new HashSet<>();
            for (Scope s = this; s != null; s = s.parent) all.addAll(s.names);
            return all;
        }
    }

    /** Checks a program whose global scope starts with the names {@code predefined} accepts. */
    public List<Diagnostic> check(List<Stmt> program, Predicate<String> predefined) {
        Scope global = new Scope(null, predefined);
        declare(program, global);
        ShapeInference shapes = new ShapeInference(problems);
        for (Stmt s : program) {
            statement(s, global);
            shapes.statement(s);
        }
        problems.sort((a, b) -> a.span().line() != b.span().line()
                ? Integer.compare(a.span().line(), b.span().line()) : Integer.compare(a.span().column(), b.span().column()));
        return problems;
    }

    // ---- pass 1: which names each scope binds

    private void declare(List<Stmt> body, Scope scope) {
        for (Stmt s : body) declare(s, scope);
    }

    private void declare(Stmt s, Scope scope) {
        if (s instanceof Stmt.Assign a) bind(a.target(), scope);
        else if (s instanceof Stmt.AugAssign a) bind(a.target(), scope);
        else if (s instanceof Stmt.For f) {
            bind(f.target(), scope);
            declare(f.body().statements(), scope);
        } else if (s instanceof Stmt.While w) declare(w.body().statements(), scope);
        else if (s instanceof Stmt.If i) {
            declare(i.then().statements(), scope);
            if (i.otherwise() != null) declare(i.otherwise(), scope);
        } else if (s instanceof Stmt.Block b) declare(b.statements(), scope);
        else if (s instanceof Stmt.Def d) {
            if (scope.names.contains(d.name())) scope.rebound.add(d.name());
            scope.names.add(d.name());
            scope.functions.put(d.name(), signature(d.name(), d.params()));
        } else if (s instanceof Stmt.ModelDecl m) scope.names.add(m.name());
        else if (s instanceof Stmt.Import i) scope.names.add(i.alias());
    }

    private static Signature signature(String name, List<Expr.Param> params) {
        List<String> names = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (Expr.Param p : params) {
            names.add(p.name());
            defaults.add(p.defaultValue() == null ? Signature.REQUIRED : null);
        }
        return Signature.of(name, names, defaults);
    }

    private void bind(Pattern p, Scope scope) {
        if (p instanceof Pattern.NameTarget n) {
            if (scope.functions.containsKey(n.name())) scope.rebound.add(n.name());
            scope.names.add(n.name());
        } else if (p instanceof Pattern.Destructure d) {
            for (Pattern part : d.parts()) bind(part, scope);
        }
    }

    // ---- pass 2: uses

    private void statement(Stmt s, Scope scope) {
        if (s instanceof Stmt.ExprStmt e) expr(e.expr(), scope);
        else if (s instanceof Stmt.Assign a) {
            expr(a.value(), scope);
            target(a.target(), scope);
        } else if (s instanceof Stmt.AugAssign a) {
            expr(a.value(), scope);
            target(a.target(), scope);
        } else if (s instanceof Stmt.Block b) {
            for (Stmt inner : b.statements()) statement(inner, scope);
        } else if (s instanceof Stmt.If i) {
            expr(i.condition(), scope);
            statement(i.then(), scope);
            if (i.otherwise() != null) statement(i.otherwise(), scope);
        } else if (s instanceof Stmt.For f) {
            expr(f.iterable(), scope);
            statement(f.body(), scope);
        } else if (s instanceof Stmt.While w) {
            expr(w.condition(), scope);
            statement(w.body(), scope);
        } else if (s instanceof Stmt.Return r) {
            if (r.value() != null) expr(r.value(), scope);
        } else if (s instanceof Stmt.Def d) {
            function(d.params(), d.body(), d.bodyExpr(), scope);
        } else if (s instanceof Stmt.ModelDecl m) {
            Scope inner = new Scope(scope);
            for (Expr.Param p : m.params()) inner.names.add(p.name());
            for (Stmt.ModelDecl.Field f : m.fields()) inner.names.add(f.name());
            for (Stmt.ModelDecl.Field f : m.fields()) expr(f.value(), inner);
            for (Stmt.Def d : m.methods()) function(d.params(), d.body(), d.bodyExpr(), inner);
        }
    }

    private void function(List<Expr.Param> params, Stmt.Block body, Expr bodyExpr, Scope scope) {
        for (Expr.Param p : params) if (p.defaultValue() != null) expr(p.defaultValue(), scope);
        Scope inner = new Scope(scope);
        for (Expr.Param p : params) inner.names.add(p.name());
        if (body != null) {
            declare(body.statements(), inner);
            statement(body, inner);
        } else {
            expr(bodyExpr, inner);
        }
    }

    private void target(Pattern p, Scope scope) {
        if (p instanceof Pattern.IndexTarget i) expr(i.target(), scope);
        else if (p instanceof Pattern.AttributeTarget a) expr(a.target().target(), scope);
        else if (p instanceof Pattern.Destructure d) for (Pattern part : d.parts()) target(part, scope);
    }

    private void expr(Expr e, Scope scope) {
        if (e == null) return;
        if (e instanceof Expr.Name n) {
            if (!scope.defines(n.name()) && !builtins.has(n.name())) {
                Set<String> known = new HashSet<>(builtins.all().keySet());
                known.addAll(scope.visible());
                problems.add(new Diagnostic(Diagnostic.Kind.NAME, n.span(), "undefined name '" + n.name() + "'",
                        Names.suggestion(n.name(), known)));
            }
        } else if (e instanceof Expr.Call c) {
            expr(c.callee(), scope);
            boolean namedDims = c.callee() instanceof Expr.Name n && Interpreter.NAMED_DIM_CALLS.contains(n.name()) && !scope.defines(n.name());
            for (int i = 0; i < c.args().size(); i++) {
                Expr.Call.Arg a = c.args().get(i);
                if (namedDims && ("shape".equals(a.name()) || (a.name() == null && i == 0)) && a.value() instanceof Expr.ListLit list) {
                    // input([batch, 784]): a name not defined anywhere is a named dimension
                    for (Expr item : list.items()) if (!(item instanceof Expr.Name)) expr(item, scope);
                } else {
                    expr(a.value(), scope);
                }
            }
            arity(c, scope);
        } else if (e instanceof Expr.Interpolation s) {
            for (Expr.Interpolation.Part p : s.parts()) expr(p.expr(), scope);
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand(), scope);
        } else if (e instanceof Expr.Not n) {
            expr(n.operand(), scope);
        } else if (e instanceof Expr.Binary b) {
            expr(b.left(), scope);
            expr(b.right(), scope);
        } else if (e instanceof Expr.Logical l) {
            expr(l.left(), scope);
            expr(l.right(), scope);
        } else if (e instanceof Expr.Index i) {
            expr(i.target(), scope);
            for (Expr.Subscript s : i.subscripts()) {
                if (s instanceof Expr.Element el) expr(el.index(), scope);
                else if (s instanceof Expr.Slice sl) {
                    expr(sl.start(), scope);
                    expr(sl.stop(), scope);
                    expr(sl.step(), scope);
                }
            }
        } else if (e instanceof Expr.Attribute a) {
            expr(a.target(), scope);
        } else if (e instanceof Expr.ListLit l) {
            for (Expr x : l.items()) expr(x, scope);
        } else if (e instanceof Expr.TupleLit t) {
            for (Expr x : t.items()) expr(x, scope);
        } else if (e instanceof Expr.DictLit d) {
            for (Expr x : d.keys()) expr(x, scope);
            for (Expr x : d.values()) expr(x, scope);
        } else if (e instanceof Expr.Comprehension c) {
            Scope inner = new Scope(scope);
            for (Expr.Comprehension.Clause cl : c.clauses()) {
                expr(cl.iterable(), inner);
                bind(cl.pattern(), inner);
                for (Expr cond : cl.conditions()) expr(cond, inner);
            }
            expr(c.element(), inner);
        } else if (e instanceof Expr.Lambda l) {
            function(l.params(), l.bodyBlock(), l.bodyExpr(), scope);
        } else if (e instanceof Expr.IfExpr i) {
            expr(i.condition(), scope);
            statement(i.then(), scope);
            if (i.otherwiseBlock() != null) statement(i.otherwiseBlock(), scope);
            expr(i.otherwiseExpr(), scope);
        }
    }

    private void arity(Expr.Call c, Scope scope) {
        if (!(c.callee() instanceof Expr.Name n)) return;
        Signature sig;
        if (scope.defines(n.name())) sig = scope.function(n.name());
        else sig = builtins.get(n.name()) instanceof Builtin b ? b.signature() : null;
        if (sig == null) return;
        int positional = 0;
        List<String> named = new ArrayList<>();
        for (Expr.Call.Arg a : c.args()) {
            if (a.name() == null) positional++;
            else named.add(a.name());
        }
        String problem = sig.problem(positional, named);
        if (problem != null) {
            Span at = c.span();
            for (Expr.Call.Arg a : c.args()) {
                if (a.name() != null && !sig.accepts(a.name())) at = a.span();
            }
            problems.add(new Diagnostic(Diagnostic.Kind.TYPE, at, problem, sig.usage()));
        }
    }
}
