package dev.nnl.train;

import dev.nnl.interp.NnlError;
import dev.nnl.io.Checkpoint;
import dev.nnl.ir.Variable;
import dev.nnl.layers.Layer;
import dev.nnl.layers.Model;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * save_weights / load_weights: a model's weights in the checkpoint format (docs/checkpoints.md), stored under their
 * Keras names in the model's order. Loading matches by order, as Keras matches a rebuilt architecture, so a model
 * made in another session (where layer numbering may differ) loads the same file; every shape is checked first.
 */
public final class Weights {
    private Weights() {}

    public static void save(Model model, Path file) {
        if (!model.built()) {
            throw new NnlError("the model '" + model.name() + "' has no weights yet", "call it on data, fit it, or build([?, features]) first");
        }
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Variable v : model.variables()) byName.put(v.name(), v);
        Checkpoint.save(file, byName);
    }

    /** Loads now when the model is built, else when it is first built (Keras's deferred restore). */
    public static void load(Model model, Path file) {
        if (!Files.exists(file)) throw new NnlError("no weights file " + file, "save one first with model.save_weights(path)");
        Map<String, Tensor> saved = Checkpoint.read(file);
        if (model.built()) assign(model, saved, file);
        else model.whenBuilt(() -> assign(model, saved, file));
    }

    /** get_weights: copies of the layer's weights, trainable ones first, as Keras lists them. */
    public static List<Tensor> values(Layer layer) {
        List<Tensor> values = new ArrayList<>();
        for (Variable v : layer.variables()) values.add(v.snapshot().copy());
        return values;
    }

    /** set_weights: every shape is checked before any weight changes; numbers convert to the weights' dtype. */
    public static void set(Layer layer, List<Tensor> values) {
        List<Variable> targets = layer.variables();
        String what = "set_weights on '" + layer.name() + "'";
        if (values.size() != targets.size()) {
            throw new NnlError(what + " got " + values.size() + " arrays but the layer has " + targets.size() + " weights",
                    "pass a list like the one get_weights() returns");
        }
        for (int i = 0; i < targets.size(); i++) {
            Variable v = targets.get(i);
            Tensor t = values.get(i);
            if (!Arrays.equals(t.shape(), v.type().dims())) {
                throw new NnlError(what + ": weight " + v.name() + " is " + Shapes.show(v.type().dims()) + " but array " + i
                        + " is " + Shapes.show(t.shape()), "pass the arrays in the order get_weights() returns them");
            }
        }
        for (int i = 0; i < targets.size(); i++) targets.get(i).set(values.get(i));
    }

    private static void assign(Model model, Map<String, Tensor> saved, Path file) {
        List<Variable> targets = model.variables();
        List<Map.Entry<String, Tensor>> entries = new ArrayList<>(saved.entrySet());
        if (entries.size() != targets.size()) {
            throw new NnlError("weights file " + file + " holds " + entries.size() + " weights but the model '" + model.name()
                    + "' has " + targets.size(), "load weights saved from the same architecture");
        }
        for (int i = 0; i < targets.size(); i++) {
            Variable v = targets.get(i);
            Tensor t = entries.get(i).getValue();
            if (t.dtype() != v.type().dtype() || !Arrays.equals(t.shape(), v.type().dims())) {
                throw new NnlError("cannot load " + file + " into '" + model.name() + "': weight " + v.name() + " is "
                        + v.type().dtype() + " " + Shapes.show(v.type().dims()) + " but the file holds " + t.dtype() + " "
                        + Shapes.show(t.shape()) + " (saved as " + entries.get(i).getKey() + ")",
                        "the model's layers differ from those that saved the file");
            }
        }
        for (int i = 0; i < targets.size(); i++) targets.get(i).set(entries.get(i).getValue());
    }
}
