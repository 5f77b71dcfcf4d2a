package dev.nnl.train;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.Session;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Node;
import dev.nnl.layers.LayerCall;
import dev.nnl.layers.Model;
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
        Step step = Step.trace(at, model, c, like, true, "training");
        Step validationStep = validation == null ? null : Step.trace(at, model, c, validation, false, "validation");
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
        Step step = Step.trace(at, model, c, data, false, "evaluation");
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
