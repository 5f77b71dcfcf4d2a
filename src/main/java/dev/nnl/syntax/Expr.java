package dev.nnl.syntax;

import java.util.List;

/** Expression nodes of the AST. Every node carries the span it was parsed from. */
public sealed interface Expr {
    Span span();

    /** A number, string, bool or none written in the script; {@code value} is a Long, Double, String, Boolean or null. */
    record Literal(Object value, Span span) implements Expr {}

    /** A string with {@code {expr}} or {@code {expr:spec}} parts. */
    record Interpolation(List<Part> parts, Span span) implements Expr {
        /** Either literal text ({@code expr == null}) or an embedded expression with an optional format spec. */
        public record Part(String text, Expr expr, String spec) {}
    }

    record Name(String name, Span span) implements Expr {}

    /** {@code ?}: a dimension known only when data is fed. */
    record UnknownDim(Span span) implements Expr {}

    record Unary(String op, Expr operand, Span span) implements Expr {}

    record Binary(String op, Expr left, Expr right, Span span) implements Expr {}

    /** {@code and} / {@code or}, which evaluate their right side only when needed. */
    record Logical(String op, Expr left, Expr right, Span span) implements Expr {}

    record Not(Expr operand, Span span) implements Expr {}

    record Call(Expr callee, List<Arg> args, Span span) implements Expr {
        /** A positional ({@code name == null}) or named argument. */
        public record Arg(String name, Expr value, Span span) {}
    }

    record Index(Expr target, List<Subscript> subscripts, Span span) implements Expr {}

    record Attribute(Expr target, String name, Span span) implements Expr {}

    record ListLit(List<Expr> items, Span span) implements Expr {}

    record TupleLit(List<Expr> items, Span span) implements Expr {}

    record DictLit(List<Expr> keys, List<Expr> values, Span span) implements Expr {}

    /** {@code [element for pattern in iterable if condition ...]}. */
    record Comprehension(Expr element, List<Clause> clauses, Span span) implements Expr {
        public record Clause(Pattern pattern, Expr iterable, List<Expr> conditions) {}
    }

    /** {@code (params) => body}; body is an expression or a block. */
    record Lambda(List<Param> params, Expr bodyExpr, Stmt.Block bodyBlock, Span span) implements Expr {}

    /** {@code if c { a } else { b }} used as a value: the value of the last expression statement of the branch taken. */
    record IfExpr(Expr condition, Stmt.Block then, Stmt.Block otherwiseBlock, Expr otherwiseExpr, Span span) implements Expr {}

    /** A function or method parameter with an optional default. */
    record Param(String name, Expr defaultValue, Span span) {}

    /** One entry of {@code x[...]}. */
    sealed interface Subscript {
        Span span();
    }

    record Element(Expr index, Span span) implements Subscript {}

    record Slice(Expr start, Expr stop, Expr step, Span span) implements Subscript {}

    record EllipsisSub(Span span) implements Subscript {}
}
