package dev.nnl.train;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.Session;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.Effect;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.InputOp;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.layers.Layer;
import dev.nnl.layers.LayerCall;
import dev.nnl.layers.Model;
import dev.nnl.nn.Optimizer;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe of one step on a batch, traced once from the model and run as a compiled plan for every batch: the
 * forward pass, the mean loss plus the regularization penalties, each metric summed over the batch, and for
 * training the update (gradients applied by the optimizer, then the layers' state updates such as batch-norm
 * statistics).
 */
final class Step {
    private static final Attrs ALL = Attrs.of("axes", null, "keepdims", false);

    private final Node x;
    private final Node y;
    private final List<Node> outputs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Effect update;

    private Step(Node x, Node y, Effect update) {
        this.x = x;
        this.y = y;
        this.update = update;
    }

    /**
     * A training step (training=true: dropout active, batch statistics, the update) or an evaluation step, for data
     * shaped like {@code data}. The labels are checked against the loss and the traced output first ({@code which}
     * names the data in the errors), so a mismatch is reported before any loss op can fail on it.
     */
    static Step trace(LayerCall at, Model model, Compilation c, Examples data, boolean training, String which) {
        GraphTensor x = input(at, "x", data.x().shape(), Examples.FEATURES);
        GraphTensor y = input(at, "y", data.y().shape(), Examples.labelType(data.y()));
        Object[] pred = new Object[1];
        List<Effect.Write> stateUpdates = at.session().layers().collectUpdates(
                () -> pred[0] = model.apply(at.interpreter(), at.span(), x, training));
        long[] predShape = TensorCalls.shapeOf(pred[0]);
        if (predShape == null) throw new NnlError("the model's output is " + Values.typeName(pred[0]) + ", not a tensor");
        model.checkData(data.x(), which);
        LabelChecks.check(c.loss(), predShape, data.y(), which);
        List<Metric> metrics = new ArrayList<>();
        for (String name : c.metricNames()) metrics.add(Metric.named(name, c.loss(), data.y().shape(), predShape));
        Object[] labelsAndPredictions = LossFunction.aligned(at, y, pred[0]);
        Object loss = at.apply(ReduceOp.MEAN, ALL, c.loss().perExample(at, labelsAndPredictions[0], labelsAndPredictions[1]));
        for (Layer.Penalty p : model.penalties()) {
            loss = at.apply(BinaryOp.ADD, Attrs.NONE, loss, p.regularizer().call(at.interpreter(),
                    List.of(p.weight()), Map.of(), at.span()));
        }
        GraphTensor total = (GraphTensor) loss;
        Effect update = null;
        if (training) {
            NodeBuilder b = new NodeBuilder(at.session().graph(), at.span());
            Optimizer opt = c.optimizer();
            List<Optimizer.GradientAndVariable> grads = opt.computeGradients(b, total, model.trainableVariables(), at.span());
            Effect step = opt.applyGradients(b, grads, null);
            update = stateUpdates.isEmpty() ? step : Effect.group(List.of(step, Effect.of("state_updates", stateUpdates)));
        }
        Step s = new Step(x.node(), y.node(), update);
        s.add("loss", total.node());
        for (Metric m : metrics) {
            Object sum = at.apply(ReduceOp.SUM, ALL, m.perExample(at, labelsAndPredictions[0], labelsAndPredictions[1]));
            s.add(m.name(), ((GraphTensor) sum).node());
        }
        return s;
    }

    private void add(String name, Node node) {
        names.add(name);
        outputs.add(node);
    }

    /** An input like the data with the batch dimension left open. */
    static GraphTensor input(LayerCall at, String name, long[] dataShape, dev.nnl.tensor.DType dtype) {
        long[] dims = dataShape.clone();
        dims[0] = Shapes.UNKNOWN;
        TensorType type = TensorType.of(dtype, dims);
        return new GraphTensor(at.session().graph().node(InputOp.INSTANCE, List.of(), Attrs.of("type", type, "name", name),
                type, at.span(), null), null);
    }

    /** The names of what {@link #run} returns: loss, then the metrics. */
    List<String> names() { return names; }

    /** Runs the step on a batch: the mean loss, then each metric's sum over the batch. */
    double[] run(Session session, Examples batch) {
        Map<Node, Tensor> feeds = new LinkedHashMap<>();
        feeds.put(x, batch.x());
        feeds.put(y, batch.y());
        List<Tensor> values = session.plans().run(outputs, update == null ? List.of() : List.of(update), feeds);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i).view().get(0);
        return out;
    }
}
