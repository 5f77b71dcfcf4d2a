package dev.nnl.train;

import dev.nnl.interp.Callable;
import dev.nnl.interp.NnlDict;
import java.util.List;
import java.util.Map;

/** Script functions run at fit's events: on_epoch_begin(epoch), on_epoch_end(epoch, logs), on_train_begin(), on_train_end(). */
public final class LambdaCallback implements Callback {
    private final Callable onEpochBegin;
    private final Callable onEpochEnd;
    private final Callable onTrainBegin;
    private final Callable onTrainEnd;

    public LambdaCallback(Callable onEpochBegin, Callable onEpochEnd, Callable onTrainBegin, Callable onTrainEnd) {
        this.onEpochBegin = onEpochBegin;
        this.onEpochEnd = onEpochEnd;
        this.onTrainBegin = onTrainBegin;
        this.onTrainEnd = onTrainEnd;
    }

    @Override
    public void trainBegin(FitRun run) {
        call(run, onTrainBegin, List.of());
    }

    @Override
    public void epochBegin(FitRun run, int epoch) {
        call(run, onEpochBegin, List.of((long) epoch));
    }

    @Override
    public void epochEnd(FitRun run, int epoch, Map<String, Double> logs) {
        NnlDict d = new NnlDict();
        logs.forEach(d::put);
        call(run, onEpochEnd, List.of((long) epoch, d));
    }

    @Override
    public void trainEnd(FitRun run) {
        call(run, onTrainEnd, List.of());
    }

    private static void call(FitRun run, Callable f, List<Object> args) {
        if (f != null) f.call(run.at().interpreter(), args, Map.of(), run.at().span());
    }
}
