package dev.nnl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The parser: the whole surface of the language parses, and malformed scripts get readable messages. */
class ScriptParserTest {
    private static List<Stmt> parse(String text) {
        return ScriptParser.parse(new Source("t.nnl", text));
    }

    private static String error(String text) {
        NnlException e = assertThrows(NnlException.class, () -> parse(text));
        Diagnostic d = e.diagnostics().get(0);
        return d.span().line() + ":" + d.span().column() + " " + d.message();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x = f(1, 2                 | 1:11 missing ')' to close the '(' opened at 1:6",
        "xs = [1, 2)                | 1:11 unexpected ')': the '[' opened at 1:6 is closed by ']'",
        "y = 3 )                    | 1:7 unexpected ')' with nothing open to close",
        "x = 1 +                    | 1:8 unexpected end of file; expected an expression",
        "print(\"abc)               | 1:7 unterminated string: a string must close with \" on the same line",
        "x = $                      | 1:5 unexpected character '$'",
        "f(axis=1, x)               | 1:11 positional argument after a named one",
        "f(x, x=1, x=2)             | 1:11 argument 'x' given twice",
        "1 + 2 = x                  | 1:1 cannot assign to this expression",
        "def f(a=1, b) { }          | 1:12 parameter 'b' without a default follows one with a default",
        "print(\"value {x\")        | 1:14 missing '}' to close the '{' in this string",
        "print(\"a {} b\")          | 1:10 empty {} in a string",
        "print(\"{1 +}\")           | 1:12 unexpected end of file; expected an expression (inside a string's {...})",
        "x = 1 2                    | 1:7 unexpected number 2; expected the end of the statement",
    })
    void malformedScriptsGetReadableMessages(String script, String expected) {
        assertEquals(expected.trim(), error(script.trim().replace("\\n", "\n")));
    }

    @Test
    void aMissingBraceNamesTheBlockItCloses() {
        assertEquals("4:1 missing '}' to close the block opened at 2:13", error("x = 1\nfor i in xs {\n  print(i)\n"));
    }

    @Test
    void theWholeSurfaceParses() {
        List<Stmt> program = parse("""
                import "forward.nnl" as fw
                (x_train, y_train), (x_test, y_test) = data()
                w -= lr * g; a, b = 1, 2
                def relu6(x) = min(max(x, 0), 6)
                def f(x, regularizer=0.01) {
                    return x
                }
                g = (a) => a * 2
                h = k => { print(k) }
                ys = [[x1 + x2] for (x1, x2) in X if x1 > 0]
                d = {"k": 1,
                     x: X}
                y = x[newaxis, ...] + x[:, 1] + x[-30:] + x[::2] + x[1:-1:2, 0]
                s = "step {i}: loss {loss:.4f} {d['k']}"
                call = fit(x, y,
                           batch_size=32, epochs=5)
                model IrisModel(units=3) {
                    d1 = dense(units, activation=softmax)
                    call(x) = d1(x)
                }
                down = if residual { 1 } else { 2 }
                if a and not b or c in xs { } else if d { } else { }
                while i < 3 { i += 1; break }
                model = sequential([flatten(), dense(10)])
                p = input([?, 2]); q = 2 ** -1; r = not a
                """);
        assertEquals(21, program.size());
        Stmt.Assign interp = (Stmt.Assign) program.get(11);
        Expr.Interpolation parts = assertInstanceOf(Expr.Interpolation.class, interp.value());
        assertEquals(6, parts.parts().size());
        assertEquals(".4f", parts.parts().get(3).spec());
        assertInstanceOf(Stmt.ModelDecl.class, program.get(13));
        assertInstanceOf(Pattern.Destructure.class, ((Stmt.Assign) program.get(1)).target());
    }

    @Test
    void spansPointAtTheirSource() {
        Stmt.ExprStmt s = (Stmt.ExprStmt) parse("\n  foo(1,\n      bar)\n").get(0);
        Expr.Call call = (Expr.Call) s.expr();
        assertEquals(2, call.span().line());
        assertEquals(3, call.span().column());
        assertEquals(3, call.args().get(1).span().line());
        assertEquals(7, call.args().get(1).span().column());
    }
}
