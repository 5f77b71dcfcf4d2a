package dev.nnl.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Drops line breaks inside parentheses and square brackets, as Python does, so that calls and lists may span lines.
 * Inside braces (blocks and dicts) line breaks stay: they end statements.
 */
final class NewlineFilter implements TokenSource {
    private final TokenSource lexer;
    private final int newlineType;
    private final Deque<Character> open = new ArrayDeque<>();

    NewlineFilter(TokenSource lexer, int newlineType) {
        this.lexer = lexer;
        this.newlineType = newlineType;
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token token = lexer.nextToken();
            if (token.getType() == newlineType && !open.isEmpty() && open.peek() != '{') continue;
            track(token.getText());
            return token;
        }
    }

    private void track(String text) {
        if (text == null || text.length() != 1) return;
        char c = text.charAt(0);
        switch (c) {
            case '(', '[', '{' -> open.push(c);
            case ')', ']', '}' -> {
                if (!open.isEmpty()) open.pop();
            }
            default -> { }
        }
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
