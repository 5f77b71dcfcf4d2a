package dev.nnl.ir;

import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * TF1's session.run: evaluates the pure fetches with the variables as they are, then performs the effects in order,
 * each step computing all its values before writing any of them.
 */
public final class Runner {
    private Runner() {}

    public static List<Tensor> run(List<Node> fetches, List<Effect> effects, Map<Node, Tensor> feeds) {
        List<Tensor> values = new Evaluator(feeds, false).evaluate(fetches);
        for (Effect e : effects) {
            for (Effect.Step step : e.steps()) perform(step, feeds);
        }
        return values;
    }

    private static void perform(Effect.Step step, Map<Node, Tensor> feeds) {
        List<Node> valueNodes = new ArrayList<>();
        for (Effect.Write w : step.writes()) valueNodes.add(w.value());
        List<Tensor> values = new Evaluator(feeds, false).evaluate(valueNodes);
        for (int i = 0; i < values.size(); i++) write(step.writes().get(i), values.get(i));
    }

    /** Applies one write with a computed value. */
    public static void write(Effect.Write w, Tensor value) {
        Variable v = w.variable();
        INDArray x = value.cast(v.type().dtype()).array();
        INDArray target = v.writableBuffer();
        if (x.rank() != target.rank() || x.length() != target.length()) x = x.broadcast(target.shape());
        switch (w.mode()) {
            case ASSIGN -> target.assign(x);
            case ADD -> target.addi(x);
            case SUBTRACT -> target.subi(x);
        }
    }
}
