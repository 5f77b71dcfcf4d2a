package dev.nnl.train;

import java.util.Map;

/** Code fit runs at the start and end of training and after each epoch, with that epoch's logs. */
public interface Callback {
    default void trainBegin(FitRun run) {}

    default void epochBegin(FitRun run, int epoch) {}

    /** After an epoch; {@code logs} holds loss, metrics and, on validation epochs, their val_ versions. */
    default void epochEnd(FitRun run, int epoch, Map<String, Double> logs) {}

    default void trainEnd(FitRun run) {}
}
