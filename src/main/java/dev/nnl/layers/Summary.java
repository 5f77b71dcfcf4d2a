package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * model.summary() as Keras prints it: a 65-column table of the model's layers with their names, classes, output
 * shapes and parameter counts, then the totals. The output shapes are the real ones (None for the batch), since
 * NNL infers them when the model is first called or built.
 */
public final class Summary {
    private static final int[] COLUMNS = {29, 55, 65};

    private Summary() {}

    /** The summary of a built model; a model that is not built has no shapes to show yet. */
    public static String of(Model model) {
        if (!model.built()) {
            throw new NnlError("the model '" + model.name() + "' has not been built, so its shapes are unknown",
                    "call it on data, fit it, or build([?, features]) first");
        }
        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(model.name()).append("\"\n");
        out.append("_".repeat(65)).append('\n');
        out.append(row("Layer (type)", "Output Shape", "Param #")).append('\n');
        out.append("=".repeat(65)).append('\n');
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            out.append(row(l.name() + " (" + l.typeName() + ")", shape(l.outputShape()), String.valueOf(l.countParams()))).append('\n');
            out.append((i == layers.size() - 1 ? "=" : "_").repeat(65)).append('\n');
        }
        if (layers.isEmpty()) out.append("=".repeat(65)).append('\n');
        long trainable = count(model.trainableVariables());
        long fixed = count(model.nonTrainableVariables());
        out.append(String.format(java.util.Locale.ROOT, "Total params: %,d\n", trainable + fixed));
        out.append(String.format(java.util.Locale.ROOT, "Trainable params: %,d\n", trainable));
        out.append(String.format(java.util.Locale.ROOT, "Non-trainable params: %,d\n", fixed));
        out.append("_".repeat(65));
        return out.toString();
    }

    /** Keras's print_row: each field cut to its column, the last character of a full column turned into a space. */
    private static String row(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) line.setCharAt(line.length() - 1, ' ');
            line.append(fields[i]);
            if (line.length() > COLUMNS[i]) line.setLength(COLUMNS[i]);
            while (line.length() < COLUMNS[i]) line.append(' ');
        }
        return line.toString();
    }

    private static String shape(long[] shape) {
        if (shape == null) return "(unbuilt)";
        List<String> dims = new ArrayList<>();
        for (long d : shape) dims.add(d == Shapes.UNKNOWN ? "None" : Long.toString(d));
        return "(" + String.join(", ", dims) + (dims.size() == 1 ? ",)" : ")");
    }

    private static long count(List<dev.nnl.ir.Variable> vars) {
        long n = 0;
        for (dev.nnl.ir.Variable v : vars) n += Shapes.size(v.type().dims());
        return n;
    }
}
