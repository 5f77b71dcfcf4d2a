package dev.nnl.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as the same float32 or float64, and of those the closest to the exact
 * value: what Python's repr and numpy's Dragon4 "unique" mode print. JDK 17's Float/Double.toString are not
 * always shortest, so the search is done here on exact values.
 */
public final class ShortestDecimal {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ShortestDecimal() {
    }

    public static DecimalDigits of(double v) {
        requireFinite(v);
        boolean negative = v < 0 || DecimalDigits.isNegativeZero(v);
        double a = Math.abs(v);
        if (a == 0) {
            return new DecimalDigits(negative, "0", 0);
        }
        double above = Math.nextUp(a);
        BigDecimal exact = new BigDecimal(a);
        BigDecimal below = new BigDecimal(Math.nextDown(a));
        // past the largest double the "next" value is one more step of the same size
        BigDecimal next = Double.isInfinite(above) ? exact.add(exact.subtract(below)) : new BigDecimal(above);
        boolean evenMantissa = (Double.doubleToRawLongBits(a) & 1) == 0;
        return search(negative, exact, below, next, evenMantissa, 17);
    }

    public static DecimalDigits of(float v) {
        requireFinite(v);
        boolean negative = v < 0 || DecimalDigits.isNegativeZero(v);
        float a = Math.abs(v);
        if (a == 0) {
            return new DecimalDigits(negative, "0", 0);
        }
        float above = Math.nextUp(a);
        BigDecimal exact = new BigDecimal(a);
        BigDecimal below = new BigDecimal(Math.nextDown(a));
        BigDecimal next = Float.isInfinite(above) ? exact.add(exact.subtract(below)) : new BigDecimal(above);
        boolean evenMantissa = (Float.floatToRawIntBits(a) & 1) == 0;
        return search(negative, exact, below, next, evenMantissa, 9);
    }

    /**
     * Finds the fewest significant digits that read back. If p digits do, p + 1 do too, so the length is found by
     * bisection. At each length both neighbours of the exact value are candidates, since at a power of two the
     * rounding interval is lopsided and only the farther neighbour may read back. Interval ends read back to
     * this value exactly when its mantissa is even (round-half-even parsing).
     */
    private static DecimalDigits search(boolean negative, BigDecimal exact, BigDecimal below, BigDecimal above,
                                        boolean inclusive, int maxDigits) {
        BigDecimal low = exact.add(below).multiply(HALF);
        BigDecimal high = exact.add(above).multiply(HALF);
        int lo = 1;
        int hi = maxDigits;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closestWithin(exact, mid, low, high, inclusive) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal best = closestWithin(exact, lo, low, high, inclusive);
        if (best == null) {
            throw new AssertionError("no round-trip decimal within " + maxDigits + " digits for " + exact);
        }
        return DecimalDigits.of(negative, best);
    }

    /** The p-digit decimal nearest the exact value among those inside the interval, or null. */
    private static BigDecimal closestWithin(BigDecimal exact, int p, BigDecimal low, BigDecimal high,
                                            boolean inclusive) {
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
        if (down.compareTo(exact) == 0) {
            return down;
        }
        BigDecimal up = down.add(down.ulp());
        boolean downFits = inside(down, low, high, inclusive);
        boolean upFits = inside(up, low, high, inclusive);
        if (downFits && upFits) {
            int c = exact.subtract(down).compareTo(up.subtract(exact));
            return c < 0 || c == 0 && !down.unscaledValue().testBit(0) ? down : up;
        }
        return downFits ? down : upFits ? up : null;
    }

    private static boolean inside(BigDecimal c, BigDecimal low, BigDecimal high, boolean inclusive) {
        int lo = c.compareTo(low);
        int hi = c.compareTo(high);
        return inclusive ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0;
    }

    private static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("no decimal digits for " + v);
        }
    }
}
