package dev.nnl.script;

import java.util.List;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/** Makes NNL available to {@code new ScriptEngineManager().getEngineByName("nnl")}. */
public final class NnlScriptEngineFactory implements ScriptEngineFactory {
    private static final String VERSION = version();

    @Override
    public String getEngineName() { return "NNL"; }

    @Override
    public String getEngineVersion() { return VERSION; }

    @Override
    public List<String> getExtensions() { return List.of("nnl"); }

    @Override
    public List<String> getMimeTypes() { return List.of(); }

    @Override
    public List<String> getNames() { return List.of("nnl", "NNL"); }

    @Override
    public String getLanguageName() { return "NNL"; }

    @Override
    public String getLanguageVersion() { return VERSION; }

    /** The standard keys; THREADING is null because an engine serves one thread at a time. */
    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            case ScriptEngine.NAME -> getNames().get(0);
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + "." + m + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(\"" + toDisplay.replace("\\", "\\\\").replace("\"", "\\\"").replace("{", "{{").replace("}", "}}") + "\")";
    }

    @Override
    public String getProgram(String... statements) {
        return List.of(statements).stream().collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public ScriptEngine getScriptEngine() { return new NnlScriptEngine(this); }

    private static String version() {
        String v = NnlScriptEngineFactory.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
