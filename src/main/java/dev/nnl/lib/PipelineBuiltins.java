package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Callable;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.pipeline.Dataset;
import dev.nnl.pipeline.Element;
import dev.nnl.pipeline.MinMaxScaler;
import dev.nnl.pipeline.SlidingWindows;
import dev.nnl.rng.TfSeeds;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Input pipelines: tf.data's datasets, scikit-learn's MinMaxScaler, and the windows of a time series. */
final class PipelineBuiltins {
    private PipelineBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("dataset | from_tensor_slices", "x, y=none", PipelineBuiltins::slices);
        // feature_range=none is (0, 1): the parameter spec cannot spell a tuple
        t.define("min_max_scaler | MinMaxScaler", "feature_range=none", a -> {
            if (a.isNone(0)) return new MinMaxScaler(0, 1);
            List<Object> range = Values.sequence(a.get(0));
            if (range == null || range.size() != 2 || !range.stream().allMatch(Values::isNumber)) throw a.wrong(0, "a pair (low, high)");
            return new MinMaxScaler(Values.toDouble(range.get(0)), Values.toDouble(range.get(1)));
        });
        t.define("sliding_windows", "series, size", a -> SlidingWindows.of(a.tensor(0), a.integer(1)));
    }

    static void registerMethods(MethodTable m) {
        m.method(Dataset.class, "shuffle", "self, buffer_size, seed=none, reshuffle_each_iteration=true", a -> {
            TfSeeds seeds = a.session().random().seeds(a.optInteger(2));
            return dataset(a).shuffle(a.integer(1), new long[] {seeds.seed(), seeds.seed2()}, a.bool(3));
        });
        m.method(Dataset.class, "batch", "self, batch_size, drop_remainder=false", a -> dataset(a).batch(a.integer(1), a.bool(2)));
        m.method(Dataset.class, "repeat", "self, count=none", a -> dataset(a).repeat(a.isNone(1) ? -1 : a.integer(1)));
        m.method(Dataset.class, "take", "self, count", a -> dataset(a).take(a.integer(1)));
        m.method(Dataset.class, "map", "self, map_func", a -> {
            Callable fn = a.callable(1);
            return dataset(a).map(e -> mapped(a, fn, e));
        });
        m.method(Dataset.class, "cardinality", "self", a -> dataset(a).cardinality());

        m.method(MinMaxScaler.class, "fit", "self, x", a -> scaler(a).fit(a.tensor(1)));
        m.method(MinMaxScaler.class, "transform", "self, x", a -> scaler(a).transform(a.tensor(1)));
        m.method(MinMaxScaler.class, "fit_transform", "self, x", a -> scaler(a).fit(a.tensor(1)).transform(a.tensor(1)));
        m.method(MinMaxScaler.class, "inverse_transform", "self, x", a -> scaler(a).inverseTransform(a.tensor(1)));
        m.property(MinMaxScaler.class, "data_min_", (v, s) -> ((MinMaxScaler) v).dataMin());
        m.property(MinMaxScaler.class, "data_max_", (v, s) -> ((MinMaxScaler) v).dataMax());
        m.property(MinMaxScaler.class, "scale_", (v, s) -> ((MinMaxScaler) v).scale());
        m.property(MinMaxScaler.class, "min_", (v, s) -> ((MinMaxScaler) v).min());
    }

    /**
     * dataset(x, y) slices both; dataset(x) slices x alone, unless x is a tuple, whose parts are sliced together
     * as TF's from_tensor_slices((x, y)) does (a list is data, as TF converts it to one tensor).
     */
    private static Dataset slices(Args a) {
        if (a.isNone(1) && a.get(0) instanceof NnlTuple parts) {
            List<Tensor> components = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int k = 0; k < parts.items().size(); k++) {
                components.add(tensor(parts.items().get(k)));
                names.add("part " + k);
            }
            if (components.isEmpty()) throw a.wrong(0, "a tensor, or a tuple of tensors with one row per example");
            return Dataset.slices(components, names, true);
        }
        if (a.isNone(1)) return Dataset.slices(List.of(a.tensor(0)), List.of("x"), false);
        return Dataset.slices(List.of(a.tensor(0), a.tensor(1)), List.of("x", "y"), true);
    }

    /** map's function called on one element: a tuple element's parts are its arguments, as TF unpacks them. */
    private static Element mapped(Args a, Callable fn, Element e) {
        Object result = fn.call(a.interpreter(), Arrays.asList((Object[]) e.parts()), Map.of(), a.span());
        List<Object> parts = result instanceof NnlTuple || result instanceof NnlList ? Values.sequence(result) : null;
        if (parts == null) return new Element(new Tensor[] {tensor(result)}, false);
        Tensor[] out = new Tensor[parts.size()];
        for (int k = 0; k < out.length; k++) out[k] = tensor(parts.get(k));
        return new Element(out, true);
    }

    /** A concrete tensor from a tensor-like value or host data (TF's literal rules). */
    private static Tensor tensor(Object v) {
        if (v == null) throw new NnlError("a dataset element cannot be none");
        Tensor t = TensorCalls.concrete(v, null);
        return t != null ? t : Values.toTensor(v, null);
    }

    private static Dataset dataset(Args a) {
        return (Dataset) a.get(0);
    }

    private static MinMaxScaler scaler(Args a) {
        return (MinMaxScaler) a.get(0);
    }
}
