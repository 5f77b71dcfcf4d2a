package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Namespace;
import dev.nnl.tensor.DType;
import java.util.Map;

/**
 * {@code tf.*}, {@code np.*}, {@code pd.*} and {@code os.path.*} spellings for ports of the course: each namespace
 * maps the course's name to the flat builtin it means ({@code tf.random.normal} is {@code random_normal},
 * {@code np.random.seed} is {@code np_seed}).
 */
final class Namespaces {
    private Namespaces() {}

    static void register(BuiltinTable t) {
        Namespace tfRandom = new Namespace("tf.random", Map.of("normal", "random_normal", "uniform", "random_uniform"), Map.of(), t);
        Namespace tfMath = new Namespace("tf.math", Map.of(), Map.of(), t);
        Namespace tfNn = new Namespace("tf.nn", Map.of(), Map.of(), t);
        // TF1's tf.train.GradientDescentOptimizer, tf.losses.mean_squared_error, tf.contrib.layers.l2_regularizer
        Namespace tfTrain = new Namespace("tf.train", Map.of(), Map.of(), t);
        Namespace tfLosses = new Namespace("tf.losses", Map.of(), Map.of(), t);
        Namespace tfContrib = new Namespace("tf.contrib", Map.of(),
                Map.of("layers", new Namespace("tf.contrib.layers", Map.of(), Map.of(), t)), t);
        // tf.data.Dataset.from_tensor_slices
        Namespace tfData = new Namespace("tf.data", Map.of(), Map.of("Dataset", new Namespace("tf.data.Dataset", Map.of(), Map.of(), t)), t);
        // bool is the host conversion function in the flat table; tf.bool is the dtype
        t.constant("tf", new Namespace("tf", Map.of("range", "tf_range"), Map.of("random", tfRandom, "math", tfMath,
                "nn", tfNn, "train", tfTrain, "losses", tfLosses, "contrib", tfContrib, "data", tfData, "bool", DType.BOOL), t));
        Namespace npRandom = new Namespace("np.random",
                Map.of("seed", "np_seed", "uniform", "np_uniform", "normal", "np_normal"), Map.of(), t);
        t.constant("np", new Namespace("np", Map.of("max", "reduce_max", "min", "reduce_min", "save", "save_npy", "load", "load_npy",
                "savez", "save_npz"), Map.of("random", npRandom, "bool", DType.BOOL), t));
        // pandas' pd.read_csv, os.path.exists
        t.constant("pd", new Namespace("pd", Map.of(), Map.of(), t));
        t.constant("os", new Namespace("os", Map.of(), Map.of("path", new Namespace("os.path", Map.of(), Map.of(), t)), t));
    }
}
