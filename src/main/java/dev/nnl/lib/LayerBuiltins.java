package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.Builtin;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Callable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Signature;
import dev.nnl.interp.Values;
import dev.nnl.layers.ActivationLayer;
import dev.nnl.layers.BatchNorm;
import dev.nnl.layers.CellSettings;
import dev.nnl.layers.Concatenate;
import dev.nnl.layers.Dense;
import dev.nnl.layers.Dropout;
import dev.nnl.layers.Embedding;
import dev.nnl.layers.Flatten;
import dev.nnl.layers.Gru;
import dev.nnl.layers.GlobalAveragePooling2D;
import dev.nnl.layers.Identity;
import dev.nnl.layers.Initializer;
import dev.nnl.layers.LayerCall;
import dev.nnl.layers.Lstm;
import dev.nnl.layers.Sequential;
import dev.nnl.layers.SimpleRnn;
import java.util.List;
import java.util.Set;

/** The Keras layers, sequential models and weight initializers; a layer's name is unique in its session (dense, dense_1, ...). */
final class LayerBuiltins {
    private static final Set<String> ACTIVATIONS = Set.of("relu", "softmax", "sigmoid", "tanh", "elu", "softplus",
            "leaky_relu", "exp", "abs");

    private LayerBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("dense | Dense", "units, activation=none, use_bias=true, kernel_initializer='glorot_uniform', "
                + "bias_initializer='zeros', kernel_regularizer=none, bias_regularizer=none, input_shape=none, name=none",
                a -> new Dense(name(a, 8, "dense"), (int) a.integer(0), activation(a, 1), a.bool(2), initializer(a, 3),
                        initializer(a, 4), regularizer(a, 5), regularizer(a, 6)));
        overload(t, "flatten", new Builtin("flatten", Signature.parse("flatten", "x"),
                        a -> a.apply(dev.nnl.ir.ops.ReshapeOp.RESHAPE, dev.nnl.ir.Attrs.of("shape", new long[] {-1}), a.get(0))),
                layer("flatten", "input_shape=none, name=none", a -> new Flatten(name(a, 1, "flatten"))));
        t.define("Flatten", "input_shape=none, name=none", a -> new Flatten(name(a, 1, "flatten")));
        overload(t, "dropout", new Builtin("dropout", Signature.parse("dropout", "x, keep_prob=none, rate=none, seed=none"),
                        LayerBuiltins::dropoutFunction),
                layer("dropout", "rate, seed=none, name=none", LayerBuiltins::dropoutLayer));
        t.define("Dropout", "rate, seed=none, name=none", LayerBuiltins::dropoutLayer);
        t.define("batch_norm | BatchNormalization | batch_normalization", "axis=-1, momentum=0.99, epsilon=0.001, "
                + "center=true, scale=true, name=none", a -> {
                    if (a.integer(0) != -1) throw a.wrong(0, "-1: NNL normalizes the last axis (NHWC channels)");
                    return new BatchNorm(name(a, 5, "batch_normalization"), a.number(1), a.number(2), a.bool(3), a.bool(4));
                });
        t.define("global_avg_pool2d | GlobalAveragePooling2D | GlobalAvgPool2D", "name=none",
                a -> new GlobalAveragePooling2D(name(a, 0, "global_average_pooling2d")));
        t.define("activation | Activation", "activation, name=none",
                a -> new ActivationLayer(name(a, 1, "activation"), activation(a, 0)));
        overload(t, "identity", new Builtin("identity", Signature.parse("identity", "input, name=none"), a -> a.get(0)),
                layer("identity", "name=none", a -> new Identity(name(a, 0, "identity"))));
        overload(t, "concatenate", ShapeBuiltins.concat("concatenate"),
                layer("concatenate", "axis=-1, name=none", a -> new Concatenate(name(a, 1, "concatenate"), (int) a.integer(0))));
        t.define("Concatenate", "axis=-1, name=none", a -> new Concatenate(name(a, 1, "concatenate"), (int) a.integer(0)));
        t.define("embedding | Embedding", "input_dim, output_dim, embeddings_initializer='uniform', "
                + "embeddings_regularizer=none, input_length=none, name=none",
                a -> new Embedding(name(a, 5, "embedding"), (int) a.integer(0), (int) a.integer(1), initializer(a, 2), regularizer(a, 3)));
        t.define("simple_rnn | SimpleRNN", "units, activation='tanh', use_bias=true, return_sequences=false, "
                + "kernel_initializer='glorot_uniform', recurrent_initializer='orthogonal', bias_initializer='zeros', "
                + "kernel_regularizer=none, recurrent_regularizer=none, bias_regularizer=none, name=none",
                a -> new SimpleRnn(name(a, 10, "simple_rnn"), a.session().layers().uniqueName("simple_rnn_cell"),
                        (int) a.integer(0), a.bool(3), new CellSettings(activation(a, 1), null, a.bool(2), initializer(a, 4),
                                initializer(a, 5), initializer(a, 6), false, regularizer(a, 7), regularizer(a, 8), regularizer(a, 9))));
        t.define("lstm | LSTM", "units, activation='tanh', recurrent_activation='sigmoid', use_bias=true, "
                + "return_sequences=false, kernel_initializer='glorot_uniform', recurrent_initializer='orthogonal', "
                + "bias_initializer='zeros', unit_forget_bias=true, kernel_regularizer=none, recurrent_regularizer=none, "
                + "bias_regularizer=none, name=none",
                a -> new Lstm(name(a, 12, "lstm"), a.session().layers().uniqueName("lstm_cell"), (int) a.integer(0),
                        a.bool(4), cellSettings(a, a.bool(8), 9)));
        t.define("gru | GRU", "units, activation='tanh', recurrent_activation='sigmoid', use_bias=true, "
                + "return_sequences=false, kernel_initializer='glorot_uniform', recurrent_initializer='orthogonal', "
                + "bias_initializer='zeros', kernel_regularizer=none, recurrent_regularizer=none, bias_regularizer=none, "
                + "name=none",
                a -> new Gru(name(a, 11, "gru"), a.session().layers().uniqueName("gru_cell"), (int) a.integer(0), a.bool(4),
                        cellSettings(a, false, 8)));
        t.define("sequential | Sequential", "layers=none, name=none",
                a -> new Sequential(name(a, 1, "sequential"), a.isNone(0) ? List.of() : HostBuiltins.elements(a.get(0))));
        registerInitializers(t);
    }

    private static void registerInitializers(BuiltinTable t) {
        t.define("RandomNormal | random_normal_initializer", "mean=0.0, stddev=0.05, seed=none",
                a -> new Initializer("random_normal", Initializer.Kind.NORMAL, a.number(0), a.number(1), a.optInteger(2)));
        t.define("TruncatedNormal | truncated_normal_initializer", "mean=0.0, stddev=0.05, seed=none",
                a -> new Initializer("truncated_normal", Initializer.Kind.TRUNCATED, a.number(0), a.number(1), a.optInteger(2)));
        t.define("RandomUniform | random_uniform_initializer", "minval=-0.05, maxval=0.05, seed=none",
                a -> new Initializer("random_uniform", Initializer.Kind.UNIFORM, a.number(0), a.number(1), a.optInteger(2)));
        t.define("Constant | constant_initializer", "value=0",
                a -> new Initializer("constant", Initializer.Kind.CONSTANT, a.number(0), 0, null));
        t.define("Orthogonal | orthogonal_initializer", "gain=1.0, seed=none", a -> Initializer.orthogonal(a.number(0), a.optInteger(1)));
        t.define("Zeros | zeros_initializer", "", a -> Initializer.ZEROS);
        t.define("Ones | ones_initializer", "", a -> Initializer.named("ones"));
        t.define("VarianceScaling | variance_scaling_initializer", "scale=1.0, mode='fan_in', distribution='truncated_normal', seed=none",
                a -> Initializer.scaling("variance_scaling", a.number(0), a.string(1), !a.string(2).equals("uniform"), a.optInteger(3)));
        scaling(t, "GlorotUniform | glorot_uniform_initializer", "glorot_uniform", 1, "fan_avg", false);
        scaling(t, "GlorotNormal | glorot_normal_initializer", "glorot_normal", 1, "fan_avg", true);
        scaling(t, "HeNormal", "he_normal", 2, "fan_in", true);
        scaling(t, "HeUniform", "he_uniform", 2, "fan_in", false);
    }

    private static void scaling(BuiltinTable t, String names, String name, double scale, String mode, boolean normal) {
        t.define(names, "seed=none", a -> Initializer.scaling(name, scale, mode, normal, a.optInteger(0)));
    }

    private static Builtin layer(String name, String params, Builtin.Impl impl) {
        return new Builtin(name, Signature.parse(name, params), impl);
    }

    private static void overload(BuiltinTable t, String name, Builtin function, Builtin layer) {
        t.constant(name, new Overload(name, function, layer));
    }

    /** TF's dropout(x, keep_prob) (TF1) or dropout(x, rate=) (TF2): always active, survivors scaled up. */
    private static Object dropoutFunction(Args a) {
        double keep;
        Object keepTensor = null;
        if (!a.isNone(2)) {
            keep = 1 - a.number(2);
        } else if (a.isNone(1)) {
            throw new NnlError("dropout(x, keep_prob) needs the keep probability (or rate=)");
        } else if (Values.isNumber(a.get(1))) {
            keep = a.number(1);
        } else {
            keep = Double.NaN;
            keepTensor = a.get(1);
        }
        if (keepTensor == null && !(keep > 0 && keep <= 1)) throw new NnlError("dropout's keep probability must be in (0, 1], got " + keep);
        Object x = a.get(0);
        LayerCall at = new LayerCall(a.interpreter(), a.span(), true);
        Object keepOperand = keepTensor != null ? keepTensor
                : dev.nnl.tensor.Tensor.scalar(keep, dev.nnl.interp.TensorCalls.dtypeOf(x));
        return Dropout.apply(at, x, keepOperand, a.optInteger(3));
    }

    private static Object dropoutLayer(Args a) {
        return new Dropout(name(a, 2, "dropout"), a.number(0), a.optInteger(1));
    }

    /**
     * An LSTM's or GRU's settings: arguments 1 to 7 (activation, recurrent_activation, use_bias, return_sequences and
     * the three initializers), and the three regularizers from argument {@code regularizers}.
     */
    private static CellSettings cellSettings(Args a, boolean unitForgetBias, int regularizers) {
        return new CellSettings(activation(a, 1), activation(a, 2), a.bool(3), initializer(a, 5), initializer(a, 6),
                initializer(a, 7), unitForgetBias, regularizer(a, regularizers), regularizer(a, regularizers + 1),
                regularizer(a, regularizers + 2));
    }

    /** The name= argument, or the session's next unique name for the kind. */
    static String name(Args a, int i, String base) {
        return a.isNone(i) ? a.session().layers().uniqueName(base) : a.string(i);
    }

    /** An activation: none or "linear" for none, a builtin's name ("relu"), or any function. */
    static Callable activation(Args a, int i) {
        Object v = a.get(i);
        if (v == null || "linear".equals(v)) return null;
        if (v instanceof String s) {
            if (!ACTIVATIONS.contains(s)) throw a.wrong(i, "an activation (" + String.join(", ", ACTIVATIONS) + " or linear)");
            return (Callable) a.session().builtins().get(s);
        }
        if (v instanceof Callable c) return c;
        throw a.wrong(i, "an activation name or function");
    }

    static Initializer initializer(Args a, int i) {
        Object v = a.get(i);
        if (v instanceof Initializer init) return init;
        if (v instanceof String s) return Initializer.named(s);
        throw a.wrong(i, "an initializer: a name like \"he_normal\" or an object like RandomNormal(stddev=0.1)");
    }

    static Callable regularizer(Args a, int i) {
        Object v = a.get(i);
        if (v == null) return null;
        if (v instanceof String s) return (Callable) a.session().builtins().get(switch (s) {
            case "l1", "l2", "l1_l2" -> s;
            default -> throw a.wrong(i, "a regularizer: l1, l2, l1_l2 or l2(0.01)");
        });
        if (v instanceof Callable c) return c;
        throw a.wrong(i, "a regularizer such as l2(0.01)");
    }
}
