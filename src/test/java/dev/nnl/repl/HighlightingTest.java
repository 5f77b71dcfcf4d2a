package dev.nnl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Syntax highlighting: each part of the input gets its style, and the text itself is unchanged. */
class HighlightingTest {
    private final Repl repl = new Repl(new PrintStream(OutputStream.nullOutputStream()), System.err, null);

    private static AttributedStyle styleAt(AttributedString s, String text, String part) {
        return s.styleAt(text.indexOf(part));
    }

    @Test
    void keywordsStringsNumbersCommentsAndBuiltins() {
        repl.submit("mine = 1");
        String line = "for i in range(3) { print(\"step {i}\", i * 2.5, mine.shape) }  # done, if ever";
        AttributedString s = new Highlighting(repl).highlight(line);
        assertEquals(line, s.toString());
        assertEquals(Highlighting.KEYWORD, styleAt(s, line, "for"));
        assertEquals(Highlighting.KEYWORD, styleAt(s, line, "in "));
        assertEquals(Highlighting.BUILTIN, styleAt(s, line, "range"));
        assertEquals(Highlighting.BUILTIN, styleAt(s, line, "print"));
        assertEquals(Highlighting.STRING, styleAt(s, line, "\"step"));
        assertEquals(Highlighting.STRING, styleAt(s, line, "{i}\""));
        assertEquals(Highlighting.NUMBER, styleAt(s, line, "2.5"));
        assertEquals(Highlighting.COMMENT, styleAt(s, line, "# done"));
        assertEquals(Highlighting.COMMENT, styleAt(s, line, "if ever"));
        assertEquals(AttributedStyle.DEFAULT, styleAt(s, line, "mine"));
        assertEquals(AttributedStyle.DEFAULT, styleAt(s, line, "shape"), "an attribute is not the builtin of its name");
    }

    @Test
    void modelIsAKeywordOnlyWhereItDeclaresAClass() {
        String text = "model Net {\n  d = dense(2)\n}\nmodel = Net()  # é 😀 still lined up\nz = 1";
        AttributedString s = new Highlighting(repl).highlight(text);
        assertEquals(text, s.toString());
        assertEquals(Highlighting.KEYWORD, s.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT, styleAt(s, text, "model ="));
        assertEquals(Highlighting.COMMENT, styleAt(s, text, "still"));
        assertEquals(AttributedStyle.DEFAULT, styleAt(s, text, "z = 1"));
        assertEquals(Highlighting.NUMBER, s.styleAt(text.length() - 1));
    }
}
