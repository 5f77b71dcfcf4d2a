package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Callable;
import dev.nnl.interp.DimName;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.InputOp;
import dev.nnl.ir.TensorType;
import dev.nnl.layers.Layer;
import dev.nnl.layers.LayerCall;
import dev.nnl.layers.Model;
import dev.nnl.layers.Sequential;
import dev.nnl.layers.Summary;
import dev.nnl.nn.Optimizer;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import dev.nnl.train.BatchSource;
import dev.nnl.train.Callback;
import dev.nnl.train.Compilation;
import dev.nnl.train.CsvLogger;
import dev.nnl.train.EarlyStopping;
import dev.nnl.train.LambdaCallback;
import dev.nnl.train.LossFunction;
import dev.nnl.train.ModelCheckpoint;
import dev.nnl.train.ReduceLrOnPlateau;
import dev.nnl.train.Training;
import dev.nnl.train.Weights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Models at the Keras level: compile, fit, evaluate, predict, summary, weights, and the callbacks and losses they take. */
final class ModelBuiltins {
    private ModelBuiltins() {}

    static void register(BuiltinTable t) {
        loss(t, "sparse_categorical_crossentropy | SparseCategoricalCrossentropy", "sparse_categorical_crossentropy");
        loss(t, "categorical_crossentropy | CategoricalCrossentropy", "categorical_crossentropy");
        loss(t, "binary_crossentropy | BinaryCrossentropy", "binary_crossentropy");
        t.define("MeanSquaredError", "", a -> LossFunction.named("mse", false));
        t.define("mean_absolute_error | MeanAbsoluteError", "y_true=none, y_pred=none", a -> perExampleOrLoss(a, "mae", false));
        t.define("model_checkpoint | ModelCheckpoint", "filepath, monitor='val_loss', verbose=0, save_best_only=false, "
                + "save_weights_only=false, mode='auto'", a -> new ModelCheckpoint(a.session().files().writable(Path.of(a.string(0)), a.span()),
                        monitor(a, 1, 5), a.bool(3), a.integer(2) > 0));
        t.define("early_stopping | EarlyStopping", "monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto', "
                + "restore_best_weights=false", a -> new EarlyStopping(new dev.nnl.train.Monitor(a.string(0), a.string(4), a.number(1)),
                        (int) a.integer(2), a.bool(5), a.integer(3) > 0));
        t.define("reduce_lr_on_plateau | ReduceLROnPlateau", "monitor='val_loss', factor=0.1, patience=10, verbose=0, "
                + "mode='auto', min_delta=0.0001, cooldown=0, min_lr=0", a -> new ReduceLrOnPlateau(
                        new dev.nnl.train.Monitor(a.string(0), a.string(4), a.number(5)), a.number(1), (int) a.integer(2),
                        (int) a.integer(6), a.number(7), a.integer(3) > 0));
        t.define("csv_logger | CSVLogger", "filename, separator=none, append=false",
                a -> new CsvLogger(a.session().files().writable(Path.of(a.string(0)), a.span()), a.isNone(1) ? "," : a.string(1), a.bool(2)));
        t.define("lambda_callback | LambdaCallback", "on_epoch_begin=none, on_epoch_end=none, on_train_begin=none, on_train_end=none",
                a -> new LambdaCallback(optCallable(a, 0), optCallable(a, 1), optCallable(a, 2), optCallable(a, 3)));
    }

    static void registerMethods(MethodTable m) {
        m.method(Layer.class, "count_params", "self", a -> layer(a).countParams());
        m.method(Layer.class, "build", "self, input_shape", a -> {
            Layer l = layer(a);
            l.apply(a.interpreter(), a.span(), symbolicInput(a, 1), false);
            return null;
        });
        m.method(Model.class, "summary", "self", a -> {
            a.session().out().println(Summary.of(model(a)));
            return null;
        });
        m.method(Sequential.class, "add", "self, layer", a -> {
            ((Sequential) a.get(0)).add(a.get(1));
            return null;
        });
        m.method(Model.class, "compile", "self, optimizer='rmsprop', loss=none, metrics=none", a -> {
            if (a.isNone(2) && a.isNone(1)) throw new NnlError("compile needs a loss", "e.g. loss=\"sparse_categorical_crossentropy\"");
            List<String> metrics = new ArrayList<>();
            if (!a.isNone(3)) {
                for (Object o : HostBuiltins.elements(a.get(3))) {
                    if (!(o instanceof String s)) throw a.wrong(3, "a list of metric names, e.g. [\"accuracy\"]");
                    metrics.add(s);
                }
            }
            model(a).setCompilation(new Compilation(optimizer(a, 1), lossFunction(a, 2), metrics));
            return null;
        });
        m.method(Model.class, "fit", "self, x=none, y=none, batch_size=32, epochs=1, verbose=1, callbacks=none, "
                + "validation_split=0.0, validation_data=none, shuffle=true, initial_epoch=0, validation_freq=1", a -> {
                    Tensor[] validation = validationData(a, 8);
                    Training.FitOptions o = new Training.FitOptions((int) a.integer(3), (int) a.integer(4), a.bool(9),
                            validation[0], validation[1], a.number(7), (int) a.integer(11), callbacks(a, 6), (int) a.integer(5),
                            (int) a.integer(10));
                    if (a.get(1) instanceof BatchSource source) {
                        if (!a.isNone(2)) throw a.wrong(2, "none: the dataset already holds the labels");
                        return Training.fit(at(a), model(a), source, o);
                    }
                    return Training.fit(at(a), model(a), data(a, 1), a.isNone(2) ? null : data(a, 2), o);
                });
        m.method(Model.class, "evaluate", "self, x, y, batch_size=32, verbose=1", a -> {
            Model model = model(a);
            Map<String, Double> logs = Training.evaluate(at(a), model, data(a, 1), data(a, 2), (int) a.integer(3));
            if (a.integer(4) > 0) {
                StringBuilder line = new StringBuilder();
                logs.forEach((k, v) -> line.append(line.length() == 0 ? "" : " - ").append(k).append(": ")
                        .append(String.format(java.util.Locale.ROOT, "%.4f", v)));
                a.session().out().println(line);
            }
            List<Object> values = new ArrayList<>(logs.values());
            return values.size() == 1 ? values.get(0) : new NnlList(values);
        });
        m.method(Model.class, "predict", "self, x, batch_size=32, verbose=0",
                a -> Training.predict(at(a), model(a), data(a, 1), (int) a.integer(2)));
        m.method(Model.class, "save_weights", "self, filepath", a -> {
            Weights.save(model(a), a.session().files().writable(Path.of(a.string(1)), a.span()));
            return null;
        });
        m.method(Model.class, "load_weights", "self, filepath", a -> {
            Weights.load(model(a), a.session().files().readable(Path.of(a.string(1)), a.span()));
            return null;
        });
        m.method(Layer.class, "get_weights", "self", a -> new NnlList(new ArrayList<>(Weights.values(layer(a)))));
        m.method(Layer.class, "set_weights", "self, weights", a -> {
            List<Tensor> values = new ArrayList<>();
            for (Object o : HostBuiltins.elements(a.get(1))) {
                Tensor t = TensorCalls.concrete(o, a.session());
                values.add(t != null ? t : Values.toTensor(o, DType.FLOAT32));
            }
            Weights.set(layer(a), values);
            return null;
        });
        m.property(Model.class, "optimizer", (v, s) -> ((Model) v).compilation() == null ? null : ((Model) v).compilation().optimizer());
    }

    private static void loss(BuiltinTable t, String names, String kind) {
        t.define(names, "y_true=none, y_pred=none, from_logits=false", a -> perExampleOrLoss(a, kind, a.bool(2)));
    }

    /** A loss object for compile when called without data, else the loss of each example (keras.losses functions). */
    private static Object perExampleOrLoss(Args a, String kind, boolean fromLogits) {
        LossFunction loss = LossFunction.named(kind, fromLogits);
        if (a.isNone(0) && a.isNone(1)) return loss;
        if (a.isNone(0) || a.isNone(1)) throw new NnlError("a loss takes both y_true and y_pred (or neither, for compile)");
        return loss.perExample(new LayerCall(a.interpreter(), a.span(), false), a.get(0), a.get(1));
    }

    private static dev.nnl.train.Monitor monitor(Args a, int name, int mode) {
        return new dev.nnl.train.Monitor(a.string(name), a.string(mode), 0);
    }

    private static Layer layer(Args a) {
        return (Layer) a.get(0);
    }

    private static Model model(Args a) {
        return (Model) a.get(0);
    }

    private static LayerCall at(Args a) {
        return new LayerCall(a.interpreter(), a.span(), false);
    }

    /** Training data given as a tensor (or nested lists). */
    private static Tensor data(Args a, int i) {
        Object v = a.get(i);
        if (v == null) throw a.wrong(i, "data: a tensor with one example per row");
        Tensor t = TensorCalls.isTensorLike(v) ? TensorCalls.concrete(v, a.session()) : a.tensor(i);
        return t;
    }

    private static Tensor[] validationData(Args a, int i) {
        if (a.isNone(i)) return new Tensor[2];
        List<Object> parts = Values.sequence(a.get(i));
        if (parts == null || parts.size() != 2) throw a.wrong(i, "a pair (x_val, y_val)");
        return new Tensor[] {TensorCalls.concrete(TensorCalls.operand(parts.get(0), null, a.span()), a.session()),
                TensorCalls.concrete(TensorCalls.operand(parts.get(1), null, a.span()), a.session())};
    }

    private static List<Callback> callbacks(Args a, int i) {
        List<Callback> out = new ArrayList<>();
        if (a.isNone(i)) return out;
        for (Object o : HostBuiltins.elements(a.get(i))) {
            if (!(o instanceof Callback c)) throw a.wrong(i, "a list of callbacks (model_checkpoint(...), early_stopping(...), ...)");
            out.add(c);
        }
        return out;
    }

    private static Callable optCallable(Args a, int i) {
        return a.isNone(i) ? null : a.callable(i);
    }

    /** An optimizer object, or a name with Keras's defaults ("adam" is adam(0.001), "sgd" is sgd(0.01)). */
    private static Optimizer optimizer(Args a, int i) {
        Object v = a.get(i);
        if (v instanceof Optimizer o) return o;
        if (v instanceof String s && java.util.Set.of("sgd", "adam", "rmsprop", "adagrad", "adadelta").contains(s)) {
            return (Optimizer) ((Callable) a.session().builtins().get(s)).call(a.interpreter(), List.of(), Map.of(), a.span());
        }
        throw a.wrong(i, "an optimizer: \"adam\", \"sgd\", \"rmsprop\", \"adagrad\", \"adadelta\" or one like sgd(0.1)");
    }

    private static LossFunction lossFunction(Args a, int i) {
        Object v = a.get(i);
        if (v instanceof LossFunction l) return l;
        if (v instanceof String s) return LossFunction.named(s, false);
        if (v instanceof Callable c) return LossFunction.of(c);
        throw a.wrong(i, "a loss: a name like \"mse\", an object like sparse_categorical_crossentropy(from_logits=true), "
                + "or a function (y_true, y_pred)");
    }

    /** An input of the given shape ([?, 4] or [none, 4]) that is never fed: build() traces the model with it. */
    private static GraphTensor symbolicInput(Args a, int i) {
        List<Object> dims = HostBuiltins.elements(a.get(i));
        long[] shape = new long[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            Object d = dims.get(k);
            shape[k] = d == null || d instanceof DimName ? Shapes.UNKNOWN : Values.toLong(d);
        }
        TensorType type = TensorType.of(DType.FLOAT32, shape);
        return new GraphTensor(a.session().graph().node(InputOp.INSTANCE, List.of(), Attrs.of("type", type, "name", "build"),
                type, a.span(), null), null);
    }
}
