package dev.nnl.script;

import dev.nnl.Nnl;
import dev.nnl.NnlProgram;
import dev.nnl.NnlScriptException;
import dev.nnl.NnlValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * NNL as a JSR-223 engine over one {@link Nnl} session (no file access). Before each run the engine-scope bindings
 * become script variables; after it the script's globals are in those bindings, numbers and strings as Java values
 * and everything else as {@link NnlValue}. {@code print} writes to the context's writer. One thread at a time.
 */
public final class NnlScriptEngine extends AbstractScriptEngine implements Compilable, AutoCloseable {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final NnlScriptEngineFactory factory;
    private final Nnl session;
    private ScriptContext running;

    NnlScriptEngine(NnlScriptEngineFactory factory) {
        this.factory = factory;
        this.session = Nnl.builder().output(new PrintStream(new WriterStream(this::writer), true, StandardCharsets.UTF_8)).build();
    }

    /** The writer of the context that is running, else of the engine's default context. */
    private Writer writer() {
        return (running != null ? running : context).getWriter();
    }

    @Override
    public Object eval(String script, ScriptContext ctx) throws ScriptException {
        return run(ctx, () -> session.eval(script));
    }

    @Override
    public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
        return eval(read(reader), ctx);
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        try {
            return new NnlCompiledScript(this, session.compile(script));
        } catch (NnlScriptException e) {
            throw scriptException(e);
        }
    }

    @Override
    public CompiledScript compile(Reader reader) throws ScriptException {
        return compile(read(reader));
    }

    /** Runs a compiled program with the bindings of {@code ctx}. */
    Object run(ScriptContext ctx, NnlProgram program) throws ScriptException {
        return run(ctx, program::eval);
    }

    private Object run(ScriptContext ctx, Supplier<NnlValue> body) throws ScriptException {
        Bindings bindings = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        running = ctx;
        try {
            for (Map.Entry<String, Object> e : bindings.entrySet()) {
                if (IDENTIFIER.matcher(e.getKey()).matches()) bind(e.getKey(), e.getValue());
            }
            NnlValue result = body.get();
            session.globals().forEach((name, value) -> bindings.put(name, value.toJava()));
            return result == null ? null : result.toJava();
        } catch (NnlScriptException e) {
            throw scriptException(e);
        } finally {
            running = null;
        }
    }

    private void bind(String name, Object value) throws ScriptException {
        try {
            session.set(name, value);
        } catch (IllegalArgumentException e) {
            throw new ScriptException("binding '" + name + "': " + e.getMessage());
        }
    }

    private static ScriptException scriptException(NnlScriptException e) {
        ScriptException s = new ScriptException(e.getMessage());
        s.initCause(e);
        return s;
    }

    private static String read(Reader reader) throws ScriptException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) >= 0; ) text.append(buffer, 0, n);
        } catch (IOException e) {
            throw new ScriptException(e);
        }
        return text.toString();
    }

    @Override
    public Bindings createBindings() { return new SimpleBindings(); }

    @Override
    public ScriptEngineFactory getFactory() { return factory; }

    /** Ends the engine's session. */
    @Override
    public void close() { session.close(); }
}
