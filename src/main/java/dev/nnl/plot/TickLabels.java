package dev.nnl.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * An axis's tick labels as matplotlib writes them: all with the same number of decimals, as many as the finest tick
 * needs ("0.30 0.35 0.40", not "0.3 0.35 0.4"), and no digit grouping. XChart picks the ticks while it paints, so a
 * first paint finds the decimals of the ticks it settles on and the next one writes every label with them.
 */
final class TickLabels implements Function<Double, String> {
    private static final int MAX_DECIMALS = 10;

    /** The decimals every label gets; -1 in a first paint: each label as short as it can be. */
    private int decimals = -1;
    private int needed;
    private double last = Double.NaN;

    @Override
    public String apply(Double value) {
        // XChart writes the labels of each tick step it tries in increasing order and keeps the last step tried, so
        // a value not above the previous one starts the count again
        if (!(value > last)) needed = 0;
        last = value;
        BigDecimal v = BigDecimal.valueOf(value).setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        needed = Math.max(needed, Math.max(0, v.scale()));
        return (decimals < 0 ? v : v.setScale(decimals, RoundingMode.HALF_EVEN)).toPlainString();
    }

    /** Before the first paint of a picture: the data may have changed since the last one. */
    void start() {
        decimals = -1;
        last = Double.NaN;
    }

    /** After a paint: whether its labels had the decimals its ticks need; the next paint writes them with those. */
    boolean settle() {
        boolean settled = decimals == needed;
        decimals = needed;
        last = Double.NaN;
        return settled;
    }
}
