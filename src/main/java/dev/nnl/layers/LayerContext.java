package dev.nnl.layers;

import dev.nnl.ir.Effect;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One session's layer state: the unique names layers and models get (dense, dense_1, ...), the stack of layers
 * being called (which gives nested layers the training flag and their weights' name scope), and the state updates
 * (batch-norm statistics) a traced training step collects instead of applying.
 */
public final class LayerContext {
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final Deque<Frame> calls = new ArrayDeque<>();
    private List<Effect.Write> collected;
    private boolean frozen;

    private record Frame(Layer layer, boolean training) {}

    /** A name unique in the session: the base for the first layer of its kind, then base_1, base_2, ... */
    public String uniqueName(String base) {
        int n = nameCounts.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }

    /**
     * Makes every later layer call a dry run: no layer is built, and no call changes a layer's state (its statistics
     * or the output shape it remembers). The REPL's :type and :ir call the real session's layers from a scratch session.
     */
    public void freeze() {
        frozen = true;
    }

    boolean frozen() { return frozen; }

    /** The training flag of the innermost call; false outside any call, as Keras infers it. */
    boolean training() {
        return !calls.isEmpty() && calls.peek().training();
    }

    void enter(Layer layer, boolean training) {
        calls.push(new Frame(layer, training));
    }

    void exit() {
        calls.pop();
    }

    /**
     * The prefix of weight names made now: the enclosing models' names, outermost first. An outermost sequential
     * adds none, as Keras names the weights of {@code sequential([dense(3)])} {@code dense/kernel}.
     */
    String scope() {
        StringBuilder out = new StringBuilder();
        boolean outermost = true;
        for (Iterator<Frame> it = calls.descendingIterator(); it.hasNext(); ) {
            Layer l = it.next().layer();
            if (l.isModel() && !(outermost && l instanceof Sequential) && calls.peek().layer() != l) {
                out.append(l.name()).append('/');
            }
            outermost = false;
        }
        return out.toString();
    }

    /** Whether state updates are being collected (a training step is being traced). */
    boolean collecting() {
        return collected != null;
    }

    void collect(Effect.Write update) {
        collected.add(update);
    }

    /** Runs {@code body} collecting the state updates of every layer it calls; returns them. */
    public List<Effect.Write> collectUpdates(Runnable body) {
        List<Effect.Write> outer = collected;
        collected = new ArrayList<>();
        try {
            body.run();
            return collected;
        } finally {
            collected = outer;
        }
    }
}
