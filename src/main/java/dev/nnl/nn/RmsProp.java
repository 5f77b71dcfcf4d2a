package dev.nnl.nn;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.UnaryOp;
import java.util.List;

/**
 * TF1's RMSProp: ms = decay·ms + (1-decay)·grad² (ms starts at 1); mom = momentum·mom + lr·grad/sqrt(ms + eps);
 * var -= mom.
 */
public final class RmsProp extends Optimizer {
    private final double decay;
    private final double momentum;
    private final double epsilon;

    public RmsProp(Object learningRate, double decay, double momentum, double epsilon) {
        super("RMSProp", learningRate);
        this.decay = decay;
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    @Override
    protected List<Effect.Write> update(NodeBuilder b, Variable var, Node grad, Node lr) {
        Variable ms = slot(b, var, "RMSProp", 1);
        Variable mom = slot(b, var, "RMSProp_1", 0);
        Node newMs = b.add(b.mulScalar(ms.readNode(), decay), b.mul(b.unary(UnaryOp.SQUARE, grad), b.oneMinus(decay, grad.type().dtype())));
        Node step = b.div(b.mul(lr, grad), b.unary(UnaryOp.SQRT, b.add(newMs, b.scalar(epsilon, grad.type().dtype()))));
        Node newMom = b.add(b.mulScalar(mom.readNode(), momentum), step);
        return List.of(assign(ms, newMs), assign(mom, newMom), subtract(var, newMom));
    }
}
