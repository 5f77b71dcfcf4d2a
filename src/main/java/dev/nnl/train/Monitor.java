package dev.nnl.train;

import dev.nnl.interp.NnlError;
import java.util.Map;

/**
 * The quantity a callback watches (val_loss by default) and which way is better: "min", "max", or "auto" (max for
 * accuracies, min otherwise, as Keras decides). Remembers the best value seen.
 */
public final class Monitor {
    private final String name;
    private final boolean higherIsBetter;
    private final double minDelta;
    private double best;

    public Monitor(String name, String mode, double minDelta) {
        this.name = name;
        this.higherIsBetter = switch (mode) {
            case "max" -> true;
            case "min" -> false;
            case "auto" -> name.contains("acc");
            default -> throw new NnlError("mode must be auto, min or max, not '" + mode + "'");
        };
        this.minDelta = Math.abs(minDelta);
        reset();
    }

    String name() { return name; }

    void reset() {
        best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** The monitored value in these logs, or null when this epoch did not produce it (no validation). */
    Double value(Map<String, Double> logs) {
        return logs.get(name);
    }

    /** Whether {@code value} beats the best so far by more than min_delta; if so it becomes the best. */
    boolean improves(double value) {
        boolean better = higherIsBetter ? value - minDelta > best : value + minDelta < best;
        if (better) best = value;
        return better;
    }
}
