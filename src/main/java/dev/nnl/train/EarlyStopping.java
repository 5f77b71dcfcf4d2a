package dev.nnl.train;

import dev.nnl.ir.Variable;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stops fit when the monitored value has not improved for {@code patience} epochs; can restore the best weights. */
public final class EarlyStopping implements Callback {
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private final boolean verbose;
    private int wait;
    private List<Tensor> best;

    public EarlyStopping(Monitor monitor, int patience, boolean restoreBestWeights, boolean verbose) {
        this.monitor = monitor;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
        this.verbose = verbose;
    }

    @Override
    public void trainBegin(FitRun run) {
        monitor.reset();
        wait = 0;
        best = null;
    }

    @Override
    public void epochEnd(FitRun run, int epoch, Map<String, Double> logs) {
        Double value = monitor.value(logs);
        if (value == null) return;
        if (monitor.improves(value)) {
            wait = 0;
            if (restoreBestWeights) {
                best = new ArrayList<>();
                for (Variable v : run.model().variables()) best.add(v.snapshot());
            }
            return;
        }
        if (++wait >= patience) {
            run.stop();
            if (verbose) run.say(String.format("Epoch %05d: early stopping", epoch + 1));
            if (best != null) {
                List<Variable> vars = run.model().variables();
                for (int i = 0; i < vars.size(); i++) vars.get(i).set(best.get(i));
            }
        }
    }
}
