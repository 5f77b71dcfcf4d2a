package dev.nnl.nn;

import dev.nnl.interp.NnlError;
import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.Attrs;
import dev.nnl.tensor.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF1's ExponentialMovingAverage: apply(vars) is an effect that moves each shadow towards its variable,
 * shadow -= (shadow - var)·(1 - d) with d = min(decay, (1 + n)/(10 + n)) when num_updates n is given.
 */
public final class MovingAverage {
    private final double decay;
    private final Variable numUpdates;
    private final Map<Variable, Variable> shadows = new LinkedHashMap<>();

    public MovingAverage(double decay, Variable numUpdates) {
        this.decay = decay;
        this.numUpdates = numUpdates;
    }

    public Effect apply(NodeBuilder b, List<Variable> variables) {
        List<Effect.Write> writes = new ArrayList<>();
        for (Variable v : variables) {
            if (!v.type().dtype().isFloating()) throw new NnlError("moving averages need float variables; " + v.name() + " is " + v.type().dtype());
            Variable shadow = shadows.computeIfAbsent(v, k -> Variable.create(b.graph(), k.name() + "/ExponentialMovingAverage", k.snapshot(), false));
            Node d = decayNode(b, v.type().dtype());
            Node delta = b.mul(b.sub(shadow.readNode(), v.readNode()), b.sub(b.scalar(1, v.type().dtype()), d));
            writes.add(new Effect.Write(shadow, delta, Effect.Mode.SUBTRACT));
        }
        return Effect.of("ExponentialMovingAverage", writes);
    }

    private Node decayNode(NodeBuilder b, DType t) {
        Node decayConst = b.scalar(decay, t);
        if (numUpdates == null) return decayConst;
        Node n = b.cast(numUpdates.readNode(), t);
        Node ratio = b.div(b.add(b.scalar(1, t), n), b.add(b.scalar(10, t), n));
        return b.apply(BinaryOp.MINIMUM, Attrs.NONE, decayConst, ratio);
    }

    /** The shadow of a variable that apply() has been given. */
    public Variable average(Variable v) {
        Variable shadow = shadows.get(v);
        if (shadow == null) throw new NnlError("no moving average of " + v.name() + " yet", "call ema.apply([..., " + v.name() + "]) first");
        return shadow;
    }
}
