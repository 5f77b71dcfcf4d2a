package dev.nnl.nn;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Variable;
import java.util.List;

/**
 * TF1's Momentum: accum = accum * momentum + grad; var -= lr * accum, or with Nesterov
 * var -= lr * grad + lr * momentum * accum.
 */
public final class Momentum extends Optimizer {
    private final double momentum;
    private final boolean nesterov;

    public Momentum(Object learningRate, double momentum, boolean nesterov) {
        super("Momentum", learningRate);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected List<Effect.Write> update(NodeBuilder b, Variable var, Node grad, Node lr) {
        Variable accum = slot(b, var, "Momentum", 0);
        Node newAccum = b.add(b.mulScalar(accum.readNode(), momentum), grad);
        Node step = nesterov ? b.add(b.mul(grad, lr), b.mul(b.mulScalar(newAccum, momentum), lr)) : b.mul(lr, newAccum);
        return List.of(assign(accum, newAccum), subtract(var, step));
    }
}
