package dev.nnl.syntax;

import dev.nnl.syntax.grammar.NnlLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the parser's first complaint into a sentence a person understands: which bracket is unclosed and where it
 * was opened, or what kind of thing was expected, never a dump of token sets.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final Source source;
    private Diagnostic first;

    SyntaxErrors(Source source) {
        this.source = source;
    }

    Diagnostic first() { return first; }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
        if (first != null) return;
        Token token = offending instanceof Token t ? t : null;
        Span span = token == null ? Span.of(source, line, col + 1, 1) : spanOf(token);
        String message;
        String hint = null;
        if (recognizer instanceof Parser parser && token != null) {
            Token opener = unclosedOpener(parser.getInputStream(), token);
            String closer = opener == null ? null : closerOf(opener.getText());
            if (token.getType() == Token.EOF && opener != null) {
                message = "missing '" + closer + "' to close the " + openerKind(parser.getInputStream(), opener)
                        + " opened at " + opener.getLine() + ":" + (opener.getCharPositionInLine() + 1);
            } else if (isCloser(token.getText()) && opener != null && !token.getText().equals(closer)) {
                message = "unexpected '" + token.getText() + "': the '" + opener.getText() + "' opened at "
                        + opener.getLine() + ":" + (opener.getCharPositionInLine() + 1) + " is closed by '" + closer + "'";
            } else if (isCloser(token.getText()) && opener == null) {
                message = "unexpected '" + token.getText() + "' with nothing open to close";
            } else if (token.getType() == NnlLexer.UNEXPECTED_CHAR) {
                message = describeBadChar(token.getText());
            } else {
                message = "unexpected " + describe(token) + "; expected " + expectedWords(parser);
                if (token.getType() == NnlLexer.NL && opener == null) {
                    hint = "a statement ends at the end of its line; to continue an expression, open a '(' first";
                }
            }
        } else if (token != null && token.getType() == NnlLexer.UNEXPECTED_CHAR) {
            message = describeBadChar(token.getText());
        } else {
            message = msg.startsWith("token recognition error") ? describeBadChar(msg) : msg;
        }
        first = new Diagnostic(Diagnostic.Kind.SYNTAX, span, message, hint);
    }

    private Span spanOf(Token token) {
        int length = token.getType() == Token.EOF ? 1 : Math.max(1, token.getText().length());
        if (token.getType() == NnlLexer.NL) length = 1;
        return Span.of(source, token.getLine(), token.getCharPositionInLine() + 1, length);
    }

    private static String describeBadChar(String text) {
        if (text.startsWith("\"") || text.startsWith("'")) {
            return "unterminated string: a string must close with " + text.charAt(0) + " on the same line";
        }
        return "unexpected character '" + text + "'";
    }

    /** The innermost bracket still open before {@code at}, computed from the tokens the parser has seen. */
    private static Token unclosedOpener(TokenStream tokens, Token at) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < at.getTokenIndex(); i++) {
            Token t = tokens.get(i);
            String text = t.getText();
            if (text.equals("(") || text.equals("[") || text.equals("{")) open.push(t);
            else if (isCloser(text) && !open.isEmpty()) open.pop();
        }
        return open.peek();
    }

    private static String openerKind(TokenStream tokens, Token opener) {
        if (!opener.getText().equals("{")) return "'" + opener.getText() + "'";
        int i = opener.getTokenIndex() - 1;
        if (i < 0) return "'{'";
        Token before = tokens.get(i);
        // a '{' right after a value or 'else' opens a block; anywhere else it opens a dict
        boolean afterValue = before.getType() == NnlLexer.NAME || before.getType() == NnlLexer.MODEL
                || before.getType() == NnlLexer.INT || before.getType() == NnlLexer.FLOAT
                || before.getType() == NnlLexer.STRING
                || java.util.List.of(")", "]", "else", "=>", "true", "false", "none").contains(before.getText());
        return afterValue ? "block" : "'{'";
    }

    private static boolean isCloser(String text) {
        return text.equals(")") || text.equals("]") || text.equals("}");
    }

    private static String closerOf(String opener) {
        return switch (opener) {
            case "(" -> ")";
            case "[" -> "]";
            default -> "}";
        };
    }

    private static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case NnlLexer.NL -> "end of line";
            case NnlLexer.STRING -> "string " + token.getText();
            case NnlLexer.INT, NnlLexer.FLOAT -> "number " + token.getText();
            case NnlLexer.NAME -> "name '" + token.getText() + "'";
            default -> "'" + token.getText() + "'";
        };
    }

    private static String expectedWords(Parser parser) {
        IntervalSet expected;
        try {
            expected = parser.getExpectedTokens();
        } catch (RuntimeException e) {
            return "something else here";
        }
        List<String> words = new ArrayList<>();
        boolean expression = expected.contains(NnlLexer.NAME) || expected.contains(NnlLexer.INT);
        if (expression) words.add("an expression");
        if (expected.contains(NnlLexer.NL) || expected.contains(literal(parser, ";"))) {
            words.add("the end of the statement");
        }
        for (String punct : new String[] {")", "]", "}", ",", ":", "=", "{", "in", "=>"}) {
            if (expression && punct.equals("{")) continue; // a '{' there would start a dict: part of "an expression"
            int type = literal(parser, punct);
            if (type > 0 && expected.contains(type) && words.size() < 4) words.add("'" + punct + "'");
        }
        if (words.isEmpty()) {
            for (int type : expected.toArray()) {
                if (words.size() >= 3) break;
                String name = parser.getVocabulary().getLiteralName(type);
                if (name != null) words.add(name);
            }
        }
        if (words.isEmpty()) return "something else here";
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static int literal(Parser parser, String text) {
        String quoted = "'" + text + "'";
        for (int type = 1; type <= parser.getVocabulary().getMaxTokenType(); type++) {
            if (quoted.equals(parser.getVocabulary().getLiteralName(type))) return type;
        }
        return -1;
    }

}
