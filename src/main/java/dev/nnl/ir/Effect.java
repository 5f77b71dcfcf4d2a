package dev.nnl.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes to variables that happen only when run: what assign, minimize, ema.apply and group return. An effect is a
 * sequence of steps; within one step every value is computed before any variable is written.
 */
public record Effect(String name, List<Step> steps) {

    /** How a write combines the new value with the variable's. */
    public enum Mode { ASSIGN, ADD, SUBTRACT }

    public record Write(Variable variable, Node value, Mode mode) {}

    public record Step(List<Write> writes) {}

    public static Effect of(String name, List<Write> writes) {
        return new Effect(name, List.of(new Step(writes)));
    }

    /** group(a, b, ...): the steps of a, then those of b, ... */
    public static Effect group(List<Effect> parts) {
        List<Step> steps = new ArrayList<>();
        for (Effect e : parts) steps.addAll(e.steps);
        return new Effect("group", steps);
    }

    /** The value nodes the effect computes. */
    public List<Node> valueNodes() {
        List<Node> out = new ArrayList<>();
        for (Step s : steps) for (Write w : s.writes) out.add(w.value);
        return out;
    }
}
