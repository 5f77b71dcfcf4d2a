package dev.nnl.ir;

import dev.nnl.tensor.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes to variables that happen only when run: what assign, minimize, ema.apply and group return. An effect is a
 * sequence of steps; within one step every value is computed before any variable is written.
 */
public record Effect(String name, List<Step> steps) {

    /** How a write combines the new value with the variable's. */
    public enum Mode {
        ASSIGN, ADD, SUBTRACT;

        /** Writes {@code value} into the first n elements of {@code target}; a one-element value goes everywhere. */
        public void write(View target, View value, int n, boolean scalar) {
            for (int i = 0; i < n; i++) {
                double x = value.get(scalar ? 0 : i);
                switch (this) {
                    case ASSIGN -> target.set(i, x);
                    case ADD -> target.set(i, target.round(target.get(i) + x));
                    case SUBTRACT -> target.set(i, target.round(target.get(i) - x));
                }
            }
        }
    }

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
