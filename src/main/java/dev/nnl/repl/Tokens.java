package dev.nnl.repl;

import dev.nnl.syntax.grammar.NnlLexer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** The language's own lexer over unfinished input, for highlighting and completion (it accepts any text). */
final class Tokens {
    /** The keywords: the grammar's literal tokens that are words ({@code def}, {@code in}, {@code model}, ...). */
    static final Set<String> KEYWORDS = keywords();

    private Tokens() {}

    /** The tokens of {@code text}; comments and blanks are not tokens. */
    static List<Token> of(String text) {
        NnlLexer lexer = new NnlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return new ArrayList<>(lexer.getAllTokens());
    }

    static boolean isName(Token t) {
        return t.getType() == NnlLexer.NAME || t.getType() == NnlLexer.MODEL;
    }

    private static Set<String> keywords() {
        Set<String> out = new HashSet<>();
        for (int type = 1; type <= NnlLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = NnlLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z]+'")) out.add(literal.substring(1, literal.length() - 1));
        }
        return out;
    }
}
