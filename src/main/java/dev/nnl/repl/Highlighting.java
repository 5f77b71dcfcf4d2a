package dev.nnl.repl;

import dev.nnl.syntax.grammar.NnlLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the input as it is typed: keywords, strings, numbers, comments and the names of builtins. */
final class Highlighting implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle BUILTIN = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);

    private final Repl repl;

    Highlighting(Repl repl) {
        this.repl = repl;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    AttributedString highlight(String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        List<Token> tokens = Tokens.of(buffer);
        // token positions count code points, the buffer's indices UTF-16 chars
        int point = 0;
        int index = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int start = buffer.offsetByCodePoints(index, t.getStartIndex() - point);
            gap(buffer.substring(index, start), out);
            out.styled(style(tokens, i), t.getText());
            point = t.getStopIndex() + 1;
            index = start + t.getText().length();
        }
        gap(buffer.substring(index), out);
        return out.toAttributedString();
    }

    private AttributedStyle style(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.getType() == NnlLexer.STRING) return STRING;
        if (t.getType() == NnlLexer.INT || t.getType() == NnlLexer.FLOAT) return NUMBER;
        if (t.getType() == NnlLexer.MODEL) {
            // a soft keyword: `model Net(...) {` declares, `model = ...` is a variable
            return i + 1 < tokens.size() && tokens.get(i + 1).getType() == NnlLexer.NAME ? KEYWORD : AttributedStyle.DEFAULT;
        }
        if (t.getType() == NnlLexer.NAME) {
            boolean attribute = i > 0 && tokens.get(i - 1).getText().equals(".");
            boolean builtin = !attribute && repl.session().builtins().has(t.getText()) && !repl.globals().containsKey(t.getText());
            return builtin ? BUILTIN : AttributedStyle.DEFAULT;
        }
        return Tokens.KEYWORDS.contains(t.getText()) ? KEYWORD : AttributedStyle.DEFAULT;
    }

    /** The text between two tokens: blanks, and a comment from {@code #} to the end of its line. */
    private static void gap(String text, AttributedStringBuilder out) {
        int hash = text.indexOf('#');
        if (hash < 0) {
            out.append(text);
        } else {
            out.append(text.substring(0, hash));
            out.styled(COMMENT, text.substring(hash));
        }
    }
}
