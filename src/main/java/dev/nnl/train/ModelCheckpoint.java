package dev.nnl.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the model's weights after each epoch, or with save_best_only only when the monitored value improved. The
 * weights go to one checkpoint file, replaced atomically, so a crash mid-save keeps the previous one.
 */
public final class ModelCheckpoint implements Callback {
    private final Path path;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private final boolean verbose;
    private boolean warned;

    public ModelCheckpoint(Path path, Monitor monitor, boolean saveBestOnly, boolean verbose) {
        this.path = path;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
        this.verbose = verbose;
    }

    @Override
    public void epochEnd(FitRun run, int epoch, Map<String, Double> logs) {
        if (saveBestOnly) {
            Double value = monitor.value(logs);
            if (value == null) {
                if (!warned) run.say("model_checkpoint: " + monitor.name() + " is not available (it needs validation data), not saving");
                warned = true;
                return;
            }
            if (!monitor.improves(value)) return;
            if (verbose) run.say(String.format("Epoch %05d: %s improved to %.5f, saving model to %s", epoch + 1, monitor.name(), value, path));
        } else if (verbose) {
            run.say(String.format("Epoch %05d: saving model to %s", epoch + 1, path));
        }
        Weights.save(run.model(), path);
    }
}
