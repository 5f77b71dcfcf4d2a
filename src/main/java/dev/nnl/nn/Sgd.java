package dev.nnl.nn;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Variable;
import java.util.List;

/** GradientDescent: var -= lr * grad. */
public final class Sgd extends Optimizer {
    public Sgd(Object learningRate) {
        super("GradientDescent", learningRate);
    }

    @Override
    protected List<Effect.Write> update(NodeBuilder b, Variable var, Node grad, Node lr) {
        return List.of(subtract(var, b.mul(lr, grad)));
    }
}
