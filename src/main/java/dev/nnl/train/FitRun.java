package dev.nnl.train;

import dev.nnl.layers.LayerCall;
import dev.nnl.layers.Model;

/** One fit in progress, as callbacks see it: the model, where fit was called, and a way to stop after this epoch. */
public final class FitRun {
    private final Model model;
    private final LayerCall at;
    private boolean stopRequested;

    FitRun(Model model, LayerCall at) {
        this.model = model;
        this.at = at;
    }

    public Model model() { return model; }

    public LayerCall at() { return at; }

    public void stop() { stopRequested = true; }

    boolean stopRequested() { return stopRequested; }

    /** Prints a callback's message where fit prints its progress. */
    public void say(String message) {
        at.session().out().println(message);
    }
}
