package dev.nnl.nn;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.UnaryOp;
import java.util.List;

/** TF1's Adagrad: accum += grad²; var -= lr * grad / sqrt(accum), accumulators starting at 0.1. */
public final class Adagrad extends Optimizer {
    private final double initialAccumulator;

    public Adagrad(Object learningRate, double initialAccumulator) {
        super("Adagrad", learningRate);
        this.initialAccumulator = initialAccumulator;
    }

    @Override
    protected List<Effect.Write> update(NodeBuilder b, Variable var, Node grad, Node lr) {
        Variable accum = slot(b, var, "Adagrad", initialAccumulator);
        Node newAccum = b.add(accum.readNode(), b.unary(UnaryOp.SQUARE, grad));
        return List.of(assign(accum, newAccum), subtract(var, b.div(b.mul(lr, grad), b.unary(UnaryOp.SQRT, newAccum))));
    }
}
