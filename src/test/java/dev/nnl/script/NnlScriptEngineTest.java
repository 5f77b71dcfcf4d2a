package dev.nnl.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.NnlValue;
import java.io.StringWriter;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/** NNL through javax.script: discovery, values, bindings both ways, output, compiled scripts, errors. */
class NnlScriptEngineTest {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("nnl");

    @Test
    void theEngineIsFoundAndEvaluates() throws ScriptException {
        assertNotNull(engine);
        assertNotNull(new ScriptEngineManager().getEngineByName("NNL"));
        assertNotNull(new ScriptEngineManager().getEngineByExtension("nnl"));
        assertEquals("[3. 6.]", engine.eval("tensor([1., 2.]) * 3").toString());
    }

    @Test
    void bindingsFlowInAndOut() throws ScriptException {
        engine.put("n", 4);
        engine.put("w", new float[] {1, 2});
        engine.eval("m = n * 2\nv = w * n\nname = \"net\"");
        assertEquals(8L, engine.get("m"));
        assertEquals("net", engine.get("name"));
        assertArrayEquals(new double[] {4, 8}, assertInstanceOf(NnlValue.class, engine.get("v")).toDoubleArray());
        engine.put("m", 1);
        assertEquals(2L, engine.eval("m + 1"));
    }

    @Test
    void printWritesToTheContextWriter() throws ScriptException {
        StringWriter out = new StringWriter();
        engine.getContext().setWriter(out);
        engine.eval("print(\"loss {0.25:.2f}\")\nprint(tensor([1., 2.]))");
        assertEquals("loss 0.25\n[1. 2.]\n", out.toString());
    }

    @Test
    void aCompiledScriptRunsWithEachEvalsBindings() throws ScriptException {
        CompiledScript script = ((Compilable) engine).compile("y = x + 1\ny * 2");
        Bindings first = engine.createBindings();
        first.put("x", 1);
        assertEquals(4L, script.eval(first));
        assertEquals(2L, first.get("y"));
        Bindings second = engine.createBindings();
        second.put("x", 5);
        assertEquals(12L, script.eval(second));
        ScriptException e = assertThrows(ScriptException.class,
                () -> ((Compilable) engine).compile("z = tensor([[1., 2.]]) @ tensor([[1., 2.]])"));
        assertTrue(e.getMessage().contains("inner dimensions 2 and 1 differ"), e.getMessage());
    }

    @Test
    void errorsAreScriptExceptionsWithTheDiagnostic() {
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("print(undefined_q)"));
        assertTrue(e.getMessage().startsWith("<eval>:1:7: error: undefined name 'undefined_q'"), e.getMessage());
        ScriptException sandbox = assertThrows(ScriptException.class, () -> engine.eval("import \"/etc/passwd\" as p"));
        assertTrue(sandbox.getMessage().contains("not allowed to read /etc/passwd"), sandbox.getMessage());
    }
}
