package dev.nnl.nn;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * TF1's Adam: m += (g - m)(1 - β1); v += (g² - v)(1 - β2); var -= lr·sqrt(1 - β2^t)/(1 - β1^t) · m/(sqrt(v) + ε),
 * with β1^t and β2^t kept in two variables that are multiplied by β1 and β2 after each step.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private Variable beta1Power;
    private Variable beta2Power;

    public Adam(Object learningRate, double beta1, double beta2, double epsilon) {
        super("Adam", learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected List<Effect.Write> update(NodeBuilder b, Variable var, Node grad, Node lr) {
        DType t = grad.type().dtype();
        if (beta1Power == null) {
            beta1Power = Variable.create(b.graph(), "beta1_power", Tensor.scalar(beta1, t), false);
            beta2Power = Variable.create(b.graph(), "beta2_power", Tensor.scalar(beta2, t), false);
        }
        Variable m = slot(b, var, "Adam", 0);
        Variable v = slot(b, var, "Adam_1", 0);
        Node one = b.scalar(1, t);
        Node lrT = b.div(b.mul(lr, b.unary(UnaryOp.SQRT, b.sub(one, beta2Power.readNode()))), b.sub(one, beta1Power.readNode()));
        Node newM = b.add(m.readNode(), b.mul(b.sub(grad, m.readNode()), b.oneMinus(beta1, t)));
        Node newV = b.add(v.readNode(), b.mul(b.sub(b.unary(UnaryOp.SQUARE, grad), v.readNode()), b.oneMinus(beta2, t)));
        Node step = b.div(b.mul(newM, lrT), b.add(b.unary(UnaryOp.SQRT, newV), b.scalar(epsilon, t)));
        return List.of(assign(m, newM), assign(v, newV), subtract(var, step));
    }

    @Override
    protected List<Effect.Write> finish(NodeBuilder b) {
        List<Effect.Write> out = new ArrayList<>();
        if (beta1Power == null) return out;
        out.add(assign(beta1Power, b.mulScalar(beta1Power.readNode(), beta1)));
        out.add(assign(beta2Power, b.mulScalar(beta2Power.readNode(), beta2)));
        return out;
    }
}
