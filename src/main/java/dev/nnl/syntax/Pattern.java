package dev.nnl.syntax;

import java.util.List;

/** The left side of an assignment or a loop variable: a name, an element, an attribute, or a destructuring. */
public sealed interface Pattern {
    Span span();

    record NameTarget(String name, Span span) implements Pattern {}

    record IndexTarget(Expr.Index target, Span span) implements Pattern {}

    record AttributeTarget(Expr.Attribute target, Span span) implements Pattern {}

    /** {@code (a, b)}, {@code [a, b]} or {@code a, b}: unpacks a sequence of the same length. */
    record Destructure(List<Pattern> parts, Span span) implements Pattern {}
}
