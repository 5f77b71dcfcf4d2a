package dev.nnl.train;

import dev.nnl.ir.Variable;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.Map;

/** Multiplies the learning rate by {@code factor} when the monitored value stalls for {@code patience} epochs. */
public final class ReduceLrOnPlateau implements Callback {
    private final Monitor monitor;
    private final double factor;
    private final int patience;
    private final int cooldown;
    private final double minLr;
    private final boolean verbose;
    private int wait;
    private int cooling;

    public ReduceLrOnPlateau(Monitor monitor, double factor, int patience, int cooldown, double minLr, boolean verbose) {
        if (!(factor < 1)) throw new dev.nnl.interp.NnlError("reduce_lr_on_plateau needs a factor below 1, got " + factor);
        this.monitor = monitor;
        this.factor = factor;
        this.patience = patience;
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.verbose = verbose;
    }

    @Override
    public void trainBegin(FitRun run) {
        monitor.reset();
        wait = 0;
        cooling = 0;
    }

    @Override
    public void epochEnd(FitRun run, int epoch, Map<String, Double> logs) {
        Double value = monitor.value(logs);
        if (value == null) return;
        if (cooling > 0) {
            cooling--;
            wait = 0;
        }
        if (monitor.improves(value)) {
            wait = 0;
        } else if (cooling == 0 && ++wait >= patience) {
            Variable lr = run.model().compilation().optimizer().learningRateVariable(run.at().session().graph());
            double old = lr.snapshot().view().get(0);
            double next = Math.max(old * factor, minLr);
            if (old - next > 1e-12) {
                lr.set(Tensor.scalar(next, DType.FLOAT32));
                if (verbose) run.say(String.format("Epoch %05d: reduce_lr_on_plateau reducing learning rate to %s.", epoch + 1, (float) next));
            }
            cooling = cooldown;
            wait = 0;
        }
    }
}
