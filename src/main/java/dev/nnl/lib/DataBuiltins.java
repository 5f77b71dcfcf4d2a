package dev.nnl.lib;

import dev.nnl.data.IdxReader;
import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlDict;
import dev.nnl.io.Checkpoint;
import dev.nnl.ir.Variable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Files: datasets (load_idx) and checkpoints of variables (TF1's Saver). Every path goes through the session's file access. */
final class DataBuiltins {
    private DataBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("exists", "path", a -> java.nio.file.Files.exists(a.session().files().readable(path(a), a.span())));
        t.define("load_idx", "path", a -> IdxReader.read(a.session().files().readable(path(a), a.span())));
        t.define("save_variables", "path, var_list=none", a -> {
            Checkpoint.save(a.session().files().writable(path(a), a.span()), variables(a));
            return null;
        });
        t.define("restore_variables", "path, var_list=none", a -> {
            Checkpoint.restore(a.session().files().readable(path(a), a.span()), variables(a));
            return null;
        });
    }

    private static Path path(Args a) {
        return Path.of(a.string(0));
    }

    /**
     * var_list as TF1's Saver takes it: none (all global variables), a list of variables (each under its own name) or
     * a dict {name in the file: variable}, which restores under other names (EMA shadows into the weights, say).
     */
    private static Map<String, Variable> variables(Args a) {
        Map<String, Variable> out = new LinkedHashMap<>();
        if (a.isNone(1)) {
            for (Variable v : a.session().graph().variables()) out.put(v.name(), v);
        } else if (a.get(1) instanceof NnlDict dict) {
            for (Map.Entry<Object, Object> e : dict.entries().entrySet()) {
                if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof Variable v)) {
                    throw a.wrong(1, "none, a list of variables or a dict {name: variable}");
                }
                out.put(name, v);
            }
        } else {
            for (Object o : HostBuiltins.elements(a.get(1))) {
                if (!(o instanceof Variable v)) throw a.wrong(1, "none, a list of variables or a dict {name: variable}");
                out.put(v.name(), v);
            }
        }
        return out;
    }
}
