package dev.nnl.ir;

import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates nodes directly, op by op, with the ops' kernels. With {@code recorded}, nodes built eagerly use the value
 * they had then (gradients of concrete tensors are taken where the target was computed); otherwise variables are read
 * now and inputs come from the feed.
 */
public final class Evaluator {
    private final Map<Node, Tensor> feeds;
    private final boolean recorded;
    private final Map<Node, Tensor> values = new HashMap<>();

    public Evaluator(Map<Node, Tensor> feeds, boolean recorded) {
        this.feeds = feeds;
        this.recorded = recorded;
    }

    public List<Tensor> evaluate(List<Node> roots) {
        for (Node n : Topology.order(roots)) values.computeIfAbsent(n, this::compute);
        List<Tensor> out = new ArrayList<>();
        for (Node r : roots) out.add(values.get(r));
        return out;
    }

    private Tensor compute(Node n) {
        if (recorded && n.value() != null) return n.value();
        if (n.op() == InputOp.INSTANCE) {
            Tensor fed = feeds.get(n);
            if (fed == null) throw new UnfedInputException(n);
            return fed;
        }
        if (n.op() == ReadOp.INSTANCE) return ReadOp.variable(n).snapshot();
        List<Tensor> in = new ArrayList<>(n.inputs().size());
        for (Node i : n.inputs()) in.add(values.get(i));
        return n.op().compute(in, n.attrs());
    }

    /** Raised when a recipe needs an input that run() was not given. */
    public static final class UnfedInputException extends RuntimeException {
        private final Node input;

        public UnfedInputException(Node input) {
            super(null, null, false, false);
            this.input = input;
        }

        public Node input() { return input; }
    }
}
