package dev.nnl.lib;

import dev.nnl.data.DatasetStore;
import dev.nnl.data.Datasets;
import dev.nnl.data.IdxReader;
import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlDict;
import dev.nnl.interp.Printer;
import dev.nnl.io.Checkpoint;
import dev.nnl.ir.Variable;
import dev.nnl.tensor.Tensor;
import dev.nnl.text.PrintOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data sets (iris, mnist, fashion_mnist, cifar10, load_idx) and variables in files: checkpoints (TF1's Saver) and
 * the course's weights.txt. Every path goes through the session's file access.
 */
final class DataBuiltins {
    private DataBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("iris | load_iris", "", a -> Datasets.iris());
        t.define("mnist", "", a -> Datasets.mnistLike(locate(a, Datasets.MNIST)));
        t.define("fashion_mnist", "", a -> Datasets.mnistLike(locate(a, Datasets.FASHION_MNIST)));
        t.define("cifar10", "", a -> Datasets.cifar10(locate(a, Datasets.CIFAR10)));
        t.define("load_idx", "path", a -> IdxReader.read(a.session().files().readable(path(a), a.span())));
        t.define("save_variables", "path, var_list=none", a -> {
            Checkpoint.save(a.session().files().writable(path(a), a.span()), variables(a));
            return null;
        });
        t.define("restore_variables", "path, var_list=none", a -> {
            Checkpoint.restore(a.session().files().readable(path(a), a.span()), variables(a));
            return null;
        });
        t.define("write_weights", "path, var_list=none", a -> {
            writeWeights(a.session().files().writable(path(a), a.span()), trainable(a), a.session().printOptions());
            return null;
        });
    }

    private static DatasetStore.Found locate(Args a, DatasetStore.Dataset set) {
        return DatasetStore.standard().locate(set, a.session().files(), a.span(), line -> {
            a.session().out().println(line);
            a.session().out().flush();
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

    /** var_list of write_weights: a list of variables, by default the trainable ones. */
    private static List<Variable> trainable(Args a) {
        if (a.isNone(1)) return a.session().graph().variables().stream().filter(Variable::trainable).toList();
        List<Variable> out = new ArrayList<>();
        for (Object o : HostBuiltins.elements(a.get(1))) {
            if (!(o instanceof Variable v)) throw a.wrong(1, "none or a list of variables");
            out.add(v);
        }
        return out;
    }

    /**
     * The course's weights.txt: for each variable its name (TF's {@code v.name}, "name:0"), its shape as a Python
     * tuple and all its values as numpy prints them, never summarized with "...", as after
     * {@code np.set_printoptions(threshold=np.inf)}; precision and line width are the session's.
     */
    private static void writeWeights(Path file, List<Variable> variables, PrintOptions options) {
        PrintOptions full = new PrintOptions(options.precision(), Long.MAX_VALUE, options.edgeitems(), options.linewidth(), options.suppress());
        StringBuilder text = new StringBuilder();
        for (Variable v : variables) {
            Tensor value = v.snapshot();
            text.append(v.name()).append(":0\n").append(Printer.showTuple(value.shape())).append('\n')
                    .append(Printer.tensor(value, full)).append('\n');
        }
        FileBuiltins.writeText(file, text.toString());
    }
}
