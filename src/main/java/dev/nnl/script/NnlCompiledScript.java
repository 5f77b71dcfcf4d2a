package dev.nnl.script;

import dev.nnl.NnlProgram;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

/** A script parsed and checked once by {@link NnlScriptEngine#compile}; each eval runs it with the context's bindings. */
final class NnlCompiledScript extends CompiledScript {
    private final NnlScriptEngine engine;
    private final NnlProgram program;

    NnlCompiledScript(NnlScriptEngine engine, NnlProgram program) {
        this.engine = engine;
        this.program = program;
    }

    @Override
    public Object eval(ScriptContext ctx) throws ScriptException {
        return engine.run(ctx, program);
    }

    @Override
    public ScriptEngine getEngine() { return engine; }
}
