package dev.nnl.train;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.Session;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Node;
import dev.nnl.layers.LayerCall;
import dev.nnl.layers.Model;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fit, evaluate and predict. Each traces the model once into a step (see {@link Step}) and runs it as a compiled
 * plan over the batches; shapes and the loss's expectations of the labels are checked before any batch runs.
 */
public final class Training {
    private Training() {}

    /** fit's options, as Keras names them. */
    public record FitOptions(int batchSize, int epochs, boolean shuffle, Tensor validationX, Tensor validationY,
                             double validationSplit, int validationFreq, List<Callback> callbacks, int verbose,
                             int initialEpoch) {}

    public static History fit(LayerCall at, Model model, Tensor x, Tensor y, FitOptions o) {
        if (y == null) throw new NnlError("fit needs labels: fit(x, y, ...), or a dataset of (x, y) batches");
        if (o.batchSize() <= 0) throw new NnlError("batch_size must be positive, got " + o.batchSize());
        Examples train = new Examples(x, y);
        Examples validation = null;
        if (o.validationX() != null) {
            validation = new Examples(o.validationX(), o.validationY());
        } else if (o.validationSplit() != 0) {
            Examples[] parts = train.split(o.validationSplit());
            train = parts[0];
            validation = parts[1];
        }
        BatchSource batches = new ArrayBatches(train, o.batchSize(), o.shuffle() ? at.session().random().numpy() : null);
        return fit(at, model, batches, null, train, validation, o);
    }

    /** fit on a dataset or generator; validation_split needs arrays, as in Keras. */
    public static History fit(LayerCall at, Model model, BatchSource source, FitOptions o) {
        if (o.validationSplit() != 0) {
            throw new NnlError("validation_split works with arrays only", "give validation_data=(x_val, y_val) instead");
        }
        Iterator<Tensor[]> first = source.epoch();
        if (!first.hasNext()) throw new NnlError("the dataset given to fit has no batches");
        Tensor[] sample = first.next();
        Examples shapes = new Examples(sample[0], sample[1]);
        Examples validation = o.validationX() == null ? null : new Examples(o.validationX(), o.validationY());
        // the first epoch trains on the pass the shapes came from, so no pass (and no shuffle or augmentation) is wasted
        return fit(at, model, source, new Prepended(sample, first), shapes, validation, o);
    }

    /**
     * The training loop; {@code like} is data shaped like the training batches, for tracing and checks, and
     * {@code firstEpoch}, when not null, the batches of the first epoch (the others come from {@code source}).
     */
    private static History fit(LayerCall at, Model model, BatchSource source, Iterator<Tensor[]> firstEpoch, Examples like,
                               Examples validation, FitOptions o) {
        Compilation c = compiled(model);
        if (o.epochs() < 0) throw new NnlError("epochs must not be negative, got " + o.epochs());
        if (like.y() == null) throw new NnlError("fit needs labels: the batches must be (x, y) pairs");
        List<Metric> metrics = metrics(c, like, model, at);
        check(at, model, c, like, "training");
        if (validation != null) check(at, model, c, validation, "validation");
        Step step = Step.trace(at, model, c, metrics, like, true);
        Step validationStep = validation == null ? null : Step.trace(at, model, c, metrics, validation, false);
        Session session = at.session();
        Progress progress = new Progress(session.out(), session.clock(), session.terminal(), o.verbose(), o.epochs());
        History history = new History();
        FitRun run = new FitRun(model, at);
        for (Callback cb : o.callbacks()) cb.trainBegin(run);
        long total = source.examples();
        for (int epoch = o.initialEpoch(); epoch < o.epochs() && !run.stopRequested(); epoch++) {
            for (Callback cb : o.callbacks()) cb.epochBegin(run, epoch);
            progress.startEpoch(epoch);
            double[] sums = new double[step.names().size()];
            long seen = 0;
            for (Iterator<Tensor[]> it = firstEpoch != null && epoch == o.initialEpoch() ? firstEpoch : source.epoch(); it.hasNext(); ) {
                Tensor[] batch = it.next();
                Examples examples = Examples.converted(batch[0], batch[1]);
                double[] out = step.run(session, examples);
                examples.releaseConversions(batch);
                source.release(batch);
                accumulate(sums, out, examples.count());
                seen += examples.count();
                progress.batch(seen, Math.max(total, seen), means(step.names(), sums, seen));
                session.checkTime(at.span());
            }
            if (seen == 0) throw new NnlError("an epoch of the training data had no batches");
            Map<String, Double> logs = means(step.names(), sums, seen);
            if (validationStep != null && (epoch + 1) % o.validationFreq() == 0) {
                means(validationStep, validation, o.batchSize(), session).forEach((k, v) -> logs.put("val_" + k, v));
            }
            progress.endEpoch(epoch, seen, logs);
            history.record(epoch, logs);
            for (Callback cb : o.callbacks()) cb.epochEnd(run, epoch, logs);
        }
        for (Callback cb : o.callbacks()) cb.trainEnd(run);
        return history;
    }

    /** The loss and metrics of the model on a labelled set, in inference mode. */
    public static Map<String, Double> evaluate(LayerCall at, Model model, Tensor x, Tensor y, int batchSize) {
        Compilation c = compiled(model);
        Examples data = new Examples(x, y);
        check(at, model, c, data, "evaluation");
        Step step = Step.trace(at, model, c, metrics(c, data, model, at), data, false);
        return means(step, data, batchSize, at.session());
    }

    /** The model's outputs for every row of x, computed batch by batch in inference mode. */
    public static Tensor predict(LayerCall at, Model model, Tensor x, int batchSize) {
        Examples data = new Examples(x, null);
        GraphTensor input = Step.input(at, "x", x.shape(), Examples.FEATURES);
        Object out = model.apply(at.interpreter(), at.span(), input, false);
        if (!(out instanceof GraphTensor pred)) throw new NnlError("the model's output does not depend on its input");
        List<Tensor> parts = new ArrayList<>();
        for (int from = 0; from < data.count(); from += batchSize) {
            Examples batch = data.rows(null, from, Math.min(data.count(), from + batchSize));
            Map<Node, Tensor> feed = new LinkedHashMap<>();
            feed.put(input.node(), batch.x());
            parts.add(at.session().plans().run(List.of(pred.node()), List.of(), feed).get(0).copy());
            batch.release();
        }
        if (parts.isEmpty()) throw new NnlError("predict needs at least one example");
        return parts.size() == 1 ? parts.get(0)
                : (Tensor) at.apply(dev.nnl.ir.ops.ConcatOp.INSTANCE, Attrs.of("axis", 0), parts.toArray());
    }

    private static Compilation compiled(Model model) {
        Compilation c = model.compilation();
        if (c == null) {
            throw new NnlError("the model '" + model.name() + "' is not compiled",
                    "call compile(optimizer=\"adam\", loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"]) first");
        }
        return c;
    }

    private static List<Metric> metrics(Compilation c, Examples data, Model model, LayerCall at) {
        long[] predShape = outputShape(at, model, data);
        List<Metric> out = new ArrayList<>();
        for (String name : c.metricNames()) out.add(Metric.named(name, c.loss(), data.y().shape(), predShape));
        return out;
    }

    /** The model's output shape for inputs like these, found by tracing (no data runs). */
    private static long[] outputShape(LayerCall at, Model model, Examples data) {
        GraphTensor probe = Step.input(at, "x", data.x().shape(), Examples.FEATURES);
        return TensorCalls.shapeOf(model.apply(at.interpreter(), at.span(), probe, false));
    }

    /**
     * Checks that the labels suit the loss and the model's output before anything runs: class indices against a
     * one-hot loss, one-hot rows against a sparse loss, or labels whose shape differs from the predictions'.
     */
    private static void check(LayerCall at, Model model, Compilation c, Examples data, String which) {
        long[] pred = outputShape(at, model, data);
        long[] labels = data.y().shape();
        String p = Shapes.show(pred).replaceFirst("^\\[-1", "[?");
        String l = Shapes.show(labels);
        long classes = pred[pred.length - 1];
        LossFunction loss = c.loss();
        boolean indexLabels = labels.length == 1 || (labels.length == 2 && labels[1] == 1);
        switch (loss.kind()) {
            case SPARSE_CATEGORICAL -> {
                if (!indexLabels) {
                    throw new NnlError(which + " labels of shape " + l + " look one-hot, but sparse_categorical_crossentropy takes "
                            + "class indices (one number per example)", "use loss=\"categorical_crossentropy\", or argmax(labels, axis=1)");
                }
                if (pred.length != 2 || classes < 2) {
                    throw new NnlError("sparse_categorical_crossentropy needs one probability per class, but the model outputs "
                            + p, "end the model with dense(number_of_classes, activation=\"softmax\")");
                }
                checkClassRange(data.y(), classes, which);
            }
            case CATEGORICAL -> {
                if (indexLabels && classes > 1) {
                    throw new NnlError(which + " labels of shape " + l + " are class indices, but categorical_crossentropy "
                            + "takes one-hot rows like the model's output " + p,
                            "use loss=\"sparse_categorical_crossentropy\", or one_hot(labels, " + classes + ")");
                }
                requireSameShape(pred, labels, p, l, loss, which);
            }
            case CUSTOM -> { }
            default -> requireSameShape(pred, labels, p, l, loss, which);
        }
    }

    private static void requireSameShape(long[] pred, long[] labels, String p, String l, LossFunction loss, String which) {
        boolean same = pred.length == labels.length;
        for (int i = 1; same && i < pred.length; i++) same = pred[i] == labels[i];
        boolean column = pred.length == 2 && pred[1] == 1 && labels.length == 1;
        if (same || column) return;
        String hint = labels.length == 2 && labels[1] == 1 && pred[pred.length - 1] > 1
                ? "the labels look like class indices: use loss=\"sparse_categorical_crossentropy\", or end the model with dense(1)"
                : "make the model's last layer produce " + l.replaceFirst("^\\[\\d+", "[?") + " outputs";
        throw new NnlError(loss.name() + " compares predictions " + p + " with " + which + " labels " + l
                + ", which do not have the same shape", hint);
    }

    private static void checkClassRange(Tensor labels, long classes, String which) {
        var v = labels.view();
        long n = Shapes.size(labels.shape());
        for (int i = 0; i < n; i++) {
            double k = v.get(i);
            if (k < 0 || k >= classes || k != Math.floor(k)) {
                throw new NnlError(which + " label " + (k == Math.floor(k) ? String.valueOf((long) k) : String.valueOf(k))
                        + " (row " + i + ") is not a class index of the model's " + classes + " outputs",
                        "labels must be 0 to " + (classes - 1));
            }
        }
    }

    private static void accumulate(double[] sums, double[] batch, int size) {
        sums[0] += batch[0] * size;
        for (int i = 1; i < sums.length; i++) sums[i] += batch[i];
    }

    private static Map<String, Double> means(List<String> names, double[] sums, long count) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), sums[i] / count);
        return out;
    }

    private static Map<String, Double> means(Step step, Examples data, int batchSize, Session session) {
        double[] sums = new double[step.names().size()];
        for (int from = 0; from < data.count(); from += batchSize) {
            int to = Math.min(data.count(), from + batchSize);
            Examples batch = data.rows(null, from, to);
            accumulate(sums, step.run(session, batch), to - from);
            batch.release();
        }
        return means(step.names(), sums, data.count());
    }

    /** A pass whose first batch was taken out already, with that batch put back in front. */
    private static final class Prepended implements Iterator<Tensor[]> {
        private Tensor[] head;
        private final Iterator<Tensor[]> rest;

        Prepended(Tensor[] head, Iterator<Tensor[]> rest) {
            this.head = head;
            this.rest = rest;
        }

        @Override public boolean hasNext() { return head != null || rest.hasNext(); }

        @Override public Tensor[] next() {
            if (head == null) return rest.next();
            Tensor[] out = head;
            head = null;
            return out;
        }
    }
}
