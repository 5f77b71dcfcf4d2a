package dev.nnl.syntax;

import dev.nnl.syntax.grammar.NnlLexer;
import dev.nnl.syntax.grammar.NnlParser;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Source text to AST: lexing, newline filtering, parsing with readable errors, and AST building. */
public final class ScriptParser {
    private ScriptParser() {}

    public static List<Stmt> parse(Source source) {
        NnlParser parser = parserFor(source, source.text());
        SyntaxErrors errors = (SyntaxErrors) parser.getErrorListeners().get(0);
        NnlParser.ProgramContext tree = parser.program();
        if (errors.first() != null) throw new NnlException(errors.first());
        return new AstBuilder(source, 1, 0).program(tree);
    }

    /** Parses an expression embedded in a string at {@code line}:{@code column} (1-based column of its first char). */
    static Expr parseFragment(Source source, String text, int line, int column) {
        NnlParser parser = parserFor(source, text);
        SyntaxErrors errors = (SyntaxErrors) parser.getErrorListeners().get(0);
        NnlParser.ExprContext tree = parser.expr();
        if (errors.first() == null && parser.getCurrentToken().getType() != org.antlr.v4.runtime.Token.EOF) {
            throw new NnlException(new Diagnostic(Diagnostic.Kind.SYNTAX, Span.of(source, line, column, text.length()),
                    "cannot read '" + text + "' as one expression inside {...}", null));
        }
        if (errors.first() != null) {
            Diagnostic d = errors.first();
            Span at = Span.of(source, line, column + d.span().column() - 1, d.span().length());
            throw new NnlException(new Diagnostic(d.kind(), at, d.message() + " (inside a string's {...})", d.hint()));
        }
        return new AstBuilder(source, line, column - 1).expr(tree);
    }

    private static NnlParser parserFor(Source source, String text) {
        NnlLexer lexer = new NnlLexer(CharStreams.fromString(text, source.name()));
        lexer.removeErrorListeners();
        NnlParser parser = new NnlParser(new CommonTokenStream(new NewlineFilter(lexer, NnlLexer.NL)));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrors(source));
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        return parser;
    }
}
