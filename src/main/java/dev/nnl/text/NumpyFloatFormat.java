package dev.nnl.text;

/**
 * numpy's {@code FloatingFormat} for floatmode='maxprec', sign='-', legacy=False: one pass over the (possibly
 * summarized) data chooses positional or scientific notation and the paddings that align every element.
 */
final class NumpyFloatFormat {

    private static final String NAN = "nan";
    private static final String INF = "inf";

    private final boolean float32;
    private final int precision;
    private final boolean expFormat;
    private final int padLeft;
    private final int padRight;
    private final int expSize;

    NumpyFloatFormat(double[] data, boolean float32, PrintOptions options) {
        this.float32 = float32;
        int finiteCount = 0;
        boolean anyNonZero = false;
        boolean negativeInf = false;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double x : data) {
            if (Double.isFinite(x)) {
                finiteCount++;
                double a = Math.abs(x);
                if (a != 0) {
                    anyNonZero = true;
                    max = Math.max(max, a);
                    min = Math.min(min, a);
                }
            } else if (x == Double.NEGATIVE_INFINITY) {
                negativeInf = true;
            }
        }
        expFormat = anyNonZero && useScientific(max, min, float32, options.suppress());

        int left = 0;
        int right = 0;
        int prec = options.precision();
        int exp = -1;
        if (expFormat) {
            int fraction = 0;
            for (double x : data) {
                if (Double.isFinite(x)) {
                    DecimalDigits d = Dragon4.scientificDigits(x, float32, prec, 0);
                    fraction = Math.max(fraction, d.digits().length() - 1);
                    left = Math.max(left, d.negative() ? 2 : 1);
                    exp = Math.max(exp, Math.max(2, Integer.toString(Math.abs(d.exponent())).length()));
                }
            }
            prec = fraction;
            right = exp + 2 + prec;
        } else if (finiteCount > 0) {
            for (double x : data) {
                if (Double.isFinite(x)) {
                    DecimalDigits d = Dragon4.positionalDigits(x, float32, prec, -1);
                    left = Math.max(left, Dragon4.integerPart(d).length());
                    right = Math.max(right, Dragon4.fractionPart(d).length());
                }
            }
        }
        if (finiteCount != data.length) {
            int offset = right + 1;
            left = Math.max(left, Math.max(NAN.length() - offset, INF.length() + (negativeInf ? 1 : 0) - offset));
        }
        this.precision = prec;
        this.padLeft = left;
        this.padRight = right;
        this.expSize = exp;
    }

    /**
     * numpy 2 compares float32 data in float32 (NEP 50): the ratio is rounded to float32 and 1e-4 means
     * float32(1e-4). The 1e8 cutoff is numpy's up to 2.2 for every dtype (2.3 lowered it to 1e6 for float32).
     */
    private static boolean useScientific(double max, double min, boolean float32, boolean suppress) {
        if (float32) {
            float fmax = (float) max;
            float fmin = (float) min;
            return fmax >= 1e8f || !suppress && (fmin < 1e-4f || fmax / fmin > 1000f);
        }
        return max >= 1e8 || !suppress && (min < 1e-4 || max / min > 1000.0);
    }

    String format(double x) {
        if (!Double.isFinite(x)) {
            String s = Double.isNaN(x) ? NAN : x > 0 ? INF : "-" + INF;
            return Dragon4.padLeft(s, padLeft + padRight + 1);
        }
        if (expFormat) {
            DecimalDigits d = Dragon4.scientificDigits(x, float32, precision, precision);
            return Dragon4.scientific(d, precision, padLeft, expSize);
        }
        return Dragon4.positional(Dragon4.positionalDigits(x, float32, precision, 0), padLeft, padRight);
    }
}
