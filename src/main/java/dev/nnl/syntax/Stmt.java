package dev.nnl.syntax;

import java.util.List;

/** Statement nodes of the AST. */
public sealed interface Stmt {
    Span span();

    record Block(List<Stmt> statements, Span span) implements Stmt {}

    record ExprStmt(Expr expr, Span span) implements Stmt {}

    record Assign(Pattern target, Expr value, Span span) implements Stmt {}

    /** {@code target op= value}; {@code op} is the arithmetic operator without '='. */
    record AugAssign(Pattern target, String op, Expr value, Span span) implements Stmt {}

    record If(Expr condition, Block then, Stmt otherwise, Span span) implements Stmt {}

    record For(Pattern target, Expr iterable, Block body, Span span) implements Stmt {}

    record While(Expr condition, Block body, Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    record Return(Expr value, Span span) implements Stmt {}

    /** {@code def name(params) { body }} or {@code def name(params) = expr}. */
    record Def(String name, List<Expr.Param> params, Block body, Expr bodyExpr, Span span) implements Stmt {}

    /** {@code model Name(params) { fields; methods }}. */
    record ModelDecl(String name, List<Expr.Param> params, List<Field> fields, List<Def> methods, Span span)
            implements Stmt {
        public record Field(String name, Expr value, Span span) {}
    }

    record Import(String path, String alias, Span span) implements Stmt {}
}
