package dev.nnl.syntax;

import dev.nnl.syntax.grammar.NnlParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds AST records from the ANTLR parse tree, resolving string interpolation and assignment targets. */
final class AstBuilder {
    private final Source source;
    private final int lineOffset;
    private final int columnOffset;

    /** Offsets place fragments parsed out of strings at their real position in the script. */
    AstBuilder(Source source, int firstLine, int columnOffset) {
        this.source = source;
        this.lineOffset = firstLine - 1;
        this.columnOffset = columnOffset;
    }

    List<Stmt> program(ProgramContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (StatementContext s : ctx.statement()) out.add(statement(s));
        return out;
    }

    // ---- spans

    private Span span(Token token) {
        int line = token.getLine() + lineOffset;
        int col = token.getCharPositionInLine() + 1 + (token.getLine() == 1 ? columnOffset : 0);
        return Span.of(source, line, col, token.getText() == null ? 1 : token.getText().length());
    }

    private Span span(ParserRuleContext ctx) {
        Span start = span(ctx.getStart());
        Token stop = ctx.getStop();
        if (stop == null || stop.getTokenIndex() < ctx.getStart().getTokenIndex()) return start;
        return start.to(span(stop));
    }

    // ---- statements

    private Stmt statement(StatementContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof DefStmtContext d) {
            return def(d.name().getText(), d.params(), d.block(), d.expr(), span);
        } else if (ctx instanceof ModelStmtContext m) {
            List<Stmt.ModelDecl.Field> fields = new ArrayList<>();
            List<Stmt.Def> methods = new ArrayList<>();
            for (MemberContext member : m.member()) {
                if (member instanceof FieldMemberContext f) {
                    fields.add(new Stmt.ModelDecl.Field(f.name().getText(), expr(f.expr()), span(f)));
                } else {
                    MethodMemberContext mm = (MethodMemberContext) member;
                    methods.add(def(mm.name().getText(), mm.params(), mm.block(), mm.expr(), span(mm)));
                }
            }
            List<Expr.Param> params = m.params() == null ? List.of() : params(m.params());
            return new Stmt.ModelDecl(m.name().getText(), params, fields, methods, span);
        } else if (ctx instanceof IfStatementContext i) {
            return ifStmt(i.ifStmt());
        } else if (ctx instanceof ForStmtContext f) {
            return new Stmt.For(patterns(f.patterns()), expr(f.expr()), block(f.block()), span);
        } else if (ctx instanceof WhileStmtContext w) {
            return new Stmt.While(expr(w.expr()), block(w.block()), span);
        } else if (ctx instanceof ImportStmtContext im) {
            return new Stmt.Import(unquote(im.STRING().getText()), im.name().getText(), span);
        } else if (ctx instanceof ReturnStmtContext r) {
            return new Stmt.Return(r.exprList() == null ? null : exprList(r.exprList()), span);
        } else if (ctx instanceof BreakStmtContext) {
            return new Stmt.Break(span);
        } else if (ctx instanceof ContinueStmtContext) {
            return new Stmt.Continue(span);
        } else if (ctx instanceof AssignStmtContext a) {
            return new Stmt.Assign(target(a.exprList(0)), exprList(a.exprList(1)), span);
        } else if (ctx instanceof AugAssignStmtContext a) {
            String op = a.op.getText();
            Pattern target = target(expr(a.expr(0)), span(a.expr(0)));
            if (target instanceof Pattern.Destructure) throw error(span(a.expr(0)), "cannot use " + op + " on several targets");
            return new Stmt.AugAssign(target, op.substring(0, op.length() - 1), expr(a.expr(1)), span);
        } else {
            return new Stmt.ExprStmt(exprList(((ExprStmtContext) ctx).exprList()), span);
        }
    }

    private Stmt.Def def(String name, ParamsContext params, BlockContext body, ExprContext bodyExpr, Span span) {
        return new Stmt.Def(name, params(params), body == null ? null : block(body),
                bodyExpr == null ? null : expr(bodyExpr), span);
    }

    private Stmt.If ifStmt(IfStmtContext ctx) {
        Stmt otherwise = null;
        if (ctx.ifStmt() != null) otherwise = ifStmt(ctx.ifStmt());
        else if (ctx.block().size() > 1) otherwise = block(ctx.block(1));
        return new Stmt.If(expr(ctx.expr()), block(ctx.block(0)), otherwise, span(ctx));
    }

    private Stmt.Block block(BlockContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (StatementContext s : ctx.statement()) out.add(statement(s));
        return new Stmt.Block(out, span(ctx));
    }

    private List<Expr.Param> params(ParamsContext ctx) {
        List<Expr.Param> out = new ArrayList<>();
        for (ParamContext p : ctx.param()) {
            String name = p.name().getText();
            for (Expr.Param seen : out) {
                if (seen.name().equals(name)) throw error(span(p), "parameter '" + name + "' appears twice");
            }
            Expr dflt = p.expr() == null ? null : expr(p.expr());
            if (dflt == null && !out.isEmpty() && out.get(out.size() - 1).defaultValue() != null) {
                throw error(span(p), "parameter '" + name + "' without a default follows one with a default");
            }
            out.add(new Expr.Param(name, dflt, span(p)));
        }
        return out;
    }

    // ---- patterns

    private Pattern patterns(PatternsContext ctx) {
        if (ctx.pattern().size() == 1) return pattern(ctx.pattern(0));
        List<Pattern> parts = new ArrayList<>();
        for (PatternContext p : ctx.pattern()) parts.add(pattern(p));
        return new Pattern.Destructure(parts, span(ctx));
    }

    private Pattern pattern(PatternContext ctx) {
        if (ctx.name() != null) return new Pattern.NameTarget(ctx.name().getText(), span(ctx));
        Pattern inner = patterns(ctx.patterns());
        if (inner instanceof Pattern.Destructure) return inner;
        return new Pattern.Destructure(List.of(inner), span(ctx));
    }

    private Pattern target(ExprListContext ctx) {
        if (ctx.expr().size() == 1 && ctx.getChildCount() == 1) return target(expr(ctx.expr(0)), span(ctx));
        List<Pattern> parts = new ArrayList<>();
        for (ExprContext e : ctx.expr()) parts.add(target(expr(e), span(e)));
        return new Pattern.Destructure(parts, span(ctx));
    }

    private Pattern target(Expr e, Span whole) {
        try {
            return target(e);
        } catch (NnlException error) {
            throw error(whole, error.diagnostics().get(0).message(), error.diagnostics().get(0).hint());
        }
    }

    private Pattern target(Expr e) {
        if (e instanceof Expr.Name n) return new Pattern.NameTarget(n.name(), n.span());
        if (e instanceof Expr.Index i) return new Pattern.IndexTarget(i, i.span());
        if (e instanceof Expr.Attribute a) return new Pattern.AttributeTarget(a, a.span());
        if (e instanceof Expr.TupleLit t) return new Pattern.Destructure(t.items().stream().map(this::target).toList(), t.span());
        if (e instanceof Expr.ListLit l) return new Pattern.Destructure(l.items().stream().map(this::target).toList(), l.span());
        throw error(e.span(), "cannot assign to this expression", "the left side of '=' must be a name, x[i], x.field or (a, b)");
    }

    // ---- expressions

    private Expr exprList(ExprListContext ctx) {
        if (ctx.expr().size() == 1 && ctx.getChildCount() == 1) return expr(ctx.expr(0));
        List<Expr> items = new ArrayList<>();
        for (ExprContext e : ctx.expr()) items.add(expr(e));
        return new Expr.TupleLit(items, span(ctx));
    }

    Expr expr(ExprContext ctx) {
        if (ctx instanceof LambdaExprContext l) {
            List<Expr.Param> params = l.lambdaParams().params() != null
                    ? params(l.lambdaParams().params())
                    : List.of(new Expr.Param(l.lambdaParams().name().getText(), null, span(l.lambdaParams())));
            return new Expr.Lambda(params, l.expr() == null ? null : expr(l.expr()),
                    l.block() == null ? null : block(l.block()), span(l));
        } else if (ctx instanceof IfExprContext i) {
            Stmt.Block otherwise = i.block().size() > 1 ? block(i.block(1)) : null;
            Expr otherwiseExpr = i.expr().size() > 1 ? expr(i.expr(1)) : null;
            return new Expr.IfExpr(expr(i.expr(0)), block(i.block(0)), otherwise, otherwiseExpr, span(i));
        }
        return or(((PlainExprContext) ctx).orExpr());
    }

    private Expr or(OrExprContext ctx) {
        Expr left = and(ctx.andExpr(0));
        for (int i = 1; i < ctx.andExpr().size(); i++) {
            left = new Expr.Logical("or", left, and(ctx.andExpr(i)), span(ctx));
        }
        return left;
    }

    private Expr and(AndExprContext ctx) {
        Expr left = not(ctx.notExpr(0));
        for (int i = 1; i < ctx.notExpr().size(); i++) {
            left = new Expr.Logical("and", left, not(ctx.notExpr(i)), span(ctx));
        }
        return left;
    }

    private Expr not(NotExprContext ctx) {
        if (ctx.notExpr() != null) return new Expr.Not(not(ctx.notExpr()), span(ctx));
        return comparison(ctx.comparison());
    }

    private Expr comparison(ComparisonContext ctx) {
        Expr left = arith(ctx.arith(0));
        for (int i = 1; i < ctx.arith().size(); i++) {
            CompOpContext op = ctx.compOp(i - 1);
            String text = op.getChildCount() == 2 ? "not in" : op.getText();
            left = new Expr.Binary(text, left, arith(ctx.arith(i)), span(op));
        }
        return left;
    }

    private Expr arith(ArithContext ctx) {
        Expr left = term(ctx.term(0));
        for (int i = 1; i < ctx.term().size(); i++) {
            Token op = ctx.op.get(i - 1);
            left = new Expr.Binary(op.getText(), left, term(ctx.term(i)), span(op));
        }
        return left;
    }

    private Expr term(TermContext ctx) {
        Expr left = unary(ctx.unary(0));
        for (int i = 1; i < ctx.unary().size(); i++) {
            Token op = ctx.op.get(i - 1);
            left = new Expr.Binary(op.getText(), left, unary(ctx.unary(i)), span(op));
        }
        return left;
    }

    private Expr unary(UnaryContext ctx) {
        if (ctx.op != null) {
            Expr operand = unary(ctx.unary());
            if (ctx.op.getText().equals("-") && operand instanceof Expr.Literal lit) {
                if (lit.value() instanceof Long v) return new Expr.Literal(-v, span(ctx));
                if (lit.value() instanceof Double v) return new Expr.Literal(-v, span(ctx));
            }
            return new Expr.Unary(ctx.op.getText(), operand, span(ctx));
        }
        return power(ctx.power());
    }

    private Expr power(PowerContext ctx) {
        Expr base = postfix(ctx.postfix());
        if (ctx.unary() == null) return base;
        return new Expr.Binary("**", base, unary(ctx.unary()), span(ctx));
    }

    private Expr postfix(PostfixContext ctx) {
        if (ctx instanceof PrimaryExprContext p) return primary(p.primary());
        if (ctx instanceof CallExprContext c) {
            List<Expr.Call.Arg> args = new ArrayList<>();
            boolean named = false;
            if (c.args() != null) {
                for (ArgContext a : c.args().arg()) {
                    if (a.name() != null) {
                        String name = a.name().getText();
                        for (Expr.Call.Arg seen : args) {
                            if (name.equals(seen.name())) throw error(span(a), "argument '" + name + "' given twice");
                        }
                        named = true;
                        args.add(new Expr.Call.Arg(name, expr(a.expr()), span(a)));
                    } else {
                        if (named) throw error(span(a), "positional argument after a named one",
                                "write positional arguments first: f(x, axis=1)");
                        args.add(new Expr.Call.Arg(null, expr(a.expr()), span(a)));
                    }
                }
            }
            return new Expr.Call(postfix(c.postfix()), args, span(c));
        }
        if (ctx instanceof IndexExprContext i) {
            List<Expr.Subscript> subs = new ArrayList<>();
            for (SubscriptContext s : i.subscript()) subs.add(subscript(s));
            return new Expr.Index(postfix(i.postfix()), subs, span(i));
        }
        AttrExprContext a = (AttrExprContext) ctx;
        return new Expr.Attribute(postfix(a.postfix()), a.name().getText(), span(a.name()));
    }

    private Expr.Subscript subscript(SubscriptContext ctx) {
        if (ctx instanceof EllipsisSubContext) return new Expr.EllipsisSub(span(ctx));
        if (ctx instanceof ExprSubContext e) return new Expr.Element(expr(e.expr()), span(ctx));
        SliceSubContext s = (SliceSubContext) ctx;
        return new Expr.Slice(s.start == null ? null : expr(s.start), s.stop == null ? null : expr(s.stop),
                s.step == null ? null : expr(s.step), span(ctx));
    }

    private Expr primary(PrimaryContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof IntLitContext i) {
            String digits = i.getText().replace("_", "");
            try {
                return new Expr.Literal(Long.parseLong(digits), span);
            } catch (NumberFormatException e) {
                throw error(span, "integer " + digits + " does not fit in 64 bits");
            }
        }
        if (ctx instanceof FloatLitContext f) return new Expr.Literal(Double.parseDouble(f.getText().replace("_", "")), span);
        if (ctx instanceof StringLitContext s) return string(s.STRING());
        if (ctx instanceof TrueLitContext) return new Expr.Literal(Boolean.TRUE, span);
        if (ctx instanceof FalseLitContext) return new Expr.Literal(Boolean.FALSE, span);
        if (ctx instanceof NoneLitContext) return new Expr.Literal(null, span);
        if (ctx instanceof UnknownDimContext) return new Expr.UnknownDim(span);
        if (ctx instanceof NameExprContext n) return new Expr.Name(n.getText(), span);
        if (ctx instanceof EmptyTupleContext) return new Expr.TupleLit(List.of(), span);
        if (ctx instanceof ParenExprContext p) return expr(p.expr());
        if (ctx instanceof TupleExprContext t) return new Expr.TupleLit(exprs(t.expr()), span);
        if (ctx instanceof ListExprContext l) return new Expr.ListLit(exprs(l.expr()), span);
        if (ctx instanceof ListCompContext c) {
            List<Expr.Comprehension.Clause> clauses = new ArrayList<>();
            for (CompForContext f : c.compFor()) {
                List<Expr> conditions = new ArrayList<>();
                for (int k = 1; k < f.orExpr().size(); k++) conditions.add(or(f.orExpr(k)));
                clauses.add(new Expr.Comprehension.Clause(patterns(f.patterns()), or(f.orExpr(0)), conditions));
            }
            return new Expr.Comprehension(expr(c.expr()), clauses, span);
        }
        DictExprContext d = (DictExprContext) ctx;
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (DictEntryContext e : d.dictEntry()) {
            keys.add(expr(e.expr(0)));
            values.add(expr(e.expr(1)));
        }
        return new Expr.DictLit(keys, values, span);
    }

    private List<Expr> exprs(List<ExprContext> ctxs) {
        List<Expr> out = new ArrayList<>();
        for (ExprContext e : ctxs) out.add(expr(e));
        return out;
    }

    // ---- strings

    private static String unquote(String token) {
        return unescape(token.substring(1, token.length() - 1));
    }

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) return raw;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char n = raw.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\\', '"', '\'' -> out.append(n);
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }

    /** Splits a string literal into text and {expr:spec} parts; {{ and }} stand for literal braces. */
    private Expr string(TerminalNode node) {
        Token token = node.getSymbol();
        Span span = span(token);
        String raw = token.getText().substring(1, token.getText().length() - 1);
        if (raw.indexOf('{') < 0 && raw.indexOf('}') < 0) return new Expr.Literal(unescape(raw), span);
        List<Expr.Interpolation.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                text.append('}');
                i += 2;
            } else if (c == '}') {
                throw error(Span.of(source, span.line(), span.column() + 1 + i, 1), "single '}' in a string",
                        "write '}}' for a literal brace");
            } else if (c == '{') {
                int end = closingBrace(raw, i, span);
                if (text.length() > 0) parts.add(new Expr.Interpolation.Part(unescape(text.toString()), null, null));
                text.setLength(0);
                String inside = raw.substring(i + 1, end);
                int colon = topLevelColon(inside);
                String exprText = colon < 0 ? inside : inside.substring(0, colon);
                String spec = colon < 0 ? null : inside.substring(colon + 1);
                int column = span.column() + 1 + i + 1;
                if (exprText.isBlank()) {
                    throw error(Span.of(source, span.line(), column - 1, 2), "empty {} in a string",
                            "put an expression inside, e.g. {x}, or write '{{}}' for literal braces");
                }
                parts.add(new Expr.Interpolation.Part(null, ScriptParser.parseFragment(source, exprText, span.line(), column), spec));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) parts.add(new Expr.Interpolation.Part(unescape(text.toString()), null, null));
        return new Expr.Interpolation(parts, span);
    }

    private int closingBrace(String raw, int open, Span span) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
                if (depth == 0) return i;
            }
        }
        throw error(Span.of(source, span.line(), span.column() + 1 + open, 1), "missing '}' to close the '{' in this string",
                "write '{{' for a literal brace");
    }

    private static int topLevelColon(String inside) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private NnlException error(Span span, String message) {
        return error(span, message, null);
    }

    private NnlException error(Span span, String message, String hint) {
        return new NnlException(new Diagnostic(Diagnostic.Kind.SYNTAX, span, message, hint));
    }

}
