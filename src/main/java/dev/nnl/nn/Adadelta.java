package dev.nnl.nn;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.UnaryOp;
import java.util.List;

/**
 * TF1's Adadelta: accum = rho·accum + (1-rho)·grad²; update = sqrt(accum_update + eps) / sqrt(accum + eps) · grad;
 * accum_update = rho·accum_update + (1-rho)·update²; var -= lr · update.
 */
public final class Adadelta extends Optimizer {
    private final double rho;
    private final double epsilon;

    public Adadelta(Object learningRate, double rho, double epsilon) {
        super("Adadelta", learningRate);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected List<Effect.Write> update(NodeBuilder b, Variable var, Node grad, Node lr) {
        Variable accum = slot(b, var, "Adadelta", 0);
        Variable accumUpdate = slot(b, var, "Adadelta_1", 0);
        Node eps = b.scalar(epsilon, grad.type().dtype());
        Node newAccum = b.add(b.mulScalar(accum.readNode(), rho), b.mul(b.unary(UnaryOp.SQUARE, grad), b.oneMinus(rho, grad.type().dtype())));
        Node update = b.mul(b.div(b.unary(UnaryOp.SQRT, b.add(accumUpdate.readNode(), eps)),
                b.unary(UnaryOp.SQRT, b.add(newAccum, eps))), grad);
        Node newAccumUpdate = b.add(b.mulScalar(accumUpdate.readNode(), rho), b.mul(b.unary(UnaryOp.SQUARE, update), b.oneMinus(rho, grad.type().dtype())));
        return List.of(assign(accum, newAccum), assign(accumUpdate, newAccumUpdate), subtract(var, b.mul(lr, update)));
    }
}
