package dev.nnl.nn;

import dev.nnl.ir.Effect;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Gradients;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Ops;
import dev.nnl.ir.Variable;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF1 optimizer: minimize builds the gradient of the loss and one effect step that updates every variable (and
 * its slots) with the learning rate as it is before the step, then increments the global step.
 */
public abstract class Optimizer {
    private final String name;
    private Object learningRate;
    private Variable iterations;
    private Object scheduledRate;
    private final Map<Variable, Map<String, Variable>> slots = new HashMap<>();

    protected Optimizer(String name, Object learningRate) {
        this.name = name;
        this.learningRate = learningRate;
    }

    public String name() { return name; }

    /** A gradient and the variable it belongs to. */
    public record GradientAndVariable(Node gradient, Variable variable) {}

    public List<GradientAndVariable> computeGradients(NodeBuilder b, GraphTensor loss, List<Variable> variables, Span span) {
        List<List<Node>> sources = new ArrayList<>();
        for (Variable v : variables) sources.add(List.of(v.readNode()));
        List<Node> grads = Gradients.of(b.graph(), loss.node(), sources, span);
        List<GradientAndVariable> out = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) out.add(new GradientAndVariable(grads.get(i), variables.get(i)));
        return out;
    }

    public Effect applyGradients(NodeBuilder b, List<GradientAndVariable> pairs, Variable globalStep) {
        List<Effect.Write> writes = new ArrayList<>();
        Object rate = learningRateOperand(b);
        for (GradientAndVariable p : pairs) {
            if (p.gradient() == null) continue;
            Node lr = b.cast(Ops.nodeOf(b.graph(), rate, b.span()), p.variable().type().dtype());
            writes.addAll(update(b, p.variable(), b.cast(p.gradient(), p.variable().type().dtype()), lr));
        }
        writes.addAll(finish(b));
        if (globalStep != null) {
            writes.add(new Effect.Write(globalStep, b.scalar(1, globalStep.type().dtype()), Effect.Mode.ADD));
        }
        if (iterations != null) writes.add(new Effect.Write(iterations, b.scalar(1, iterations.type().dtype()), Effect.Mode.ADD));
        return Effect.of(name, writes);
    }

    /**
     * The learning rate as a variable that callbacks may change between steps (Keras's optimizer.lr); a number
     * becomes one the first time this is asked for.
     */
    public Variable learningRateVariable(dev.nnl.ir.Graph graph) {
        if (learningRate instanceof Variable v) return v;
        if (!(learningRate instanceof Number n)) {
            throw new dev.nnl.interp.NnlError("the learning rate of " + name + " follows a schedule, so it cannot be set");
        }
        Variable v = Variable.create(graph, name + "/learning_rate", Tensor.scalar(n.doubleValue(), DType.FLOAT32), false);
        learningRate = v;
        return v;
    }

    /**
     * The learning rate as a recipe operand: a number, a tensor, a TF1 schedule of the global step, or a Keras
     * schedule of this optimizer's step count (made, with the counter, on first use).
     */
    private Object learningRateOperand(NodeBuilder b) {
        if (learningRate instanceof Number n) return Tensor.scalar(n.doubleValue(), DType.FLOAT32);
        if (learningRate instanceof Variable v) return v.read(b.span());
        if (learningRate instanceof StepSchedule schedule) {
            if (iterations == null) {
                iterations = Variable.create(b.graph(), name + "/iter", Tensor.scalar(0, DType.INT64), false);
                scheduledRate = schedule.rate(iterations);
            }
            return scheduledRate;
        }
        return learningRate;
    }

    /** The writes that apply {@code grad} to {@code var} (and its slots). */
    protected abstract List<Effect.Write> update(NodeBuilder b, Variable var, Node grad, Node lr);

    /** Writes after all variables' updates (Adam's beta powers). */
    protected List<Effect.Write> finish(NodeBuilder b) {
        return List.of();
    }

    /** A per-variable slot (accumulator), made on first use with a constant value, named like TF's. */
    protected Variable slot(NodeBuilder b, Variable var, String slotName, double initial) {
        return slots.computeIfAbsent(var, k -> new HashMap<>()).computeIfAbsent(slotName, k -> {
            Tensor init = Tensor.zeros(var.type().dims(), var.type().dtype());
            if (initial != 0) init = new Tensor(init.array().addi(initial));
            return Variable.create(b.graph(), var.name() + "/" + slotName, init, false);
        });
    }

    protected static Effect.Write assign(Variable v, Node value) {
        return new Effect.Write(v, value, Effect.Mode.ASSIGN);
    }

    protected static Effect.Write subtract(Variable v, Node value) {
        return new Effect.Write(v, value, Effect.Mode.SUBTRACT);
    }
}
