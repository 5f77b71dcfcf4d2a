package dev.nnl.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A finite decimal number as sign, significant digits and the power of ten of the first digit:
 * value = ±d1.d2d3… × 10^exponent. The digits carry no trailing zeros; zero is digits "0", exponent 0.
 * The sign is kept separately so that -0.0 stays negative.
 */
public record DecimalDigits(boolean negative, String digits, int exponent) {

    public DecimalDigits {
        if (!digits.equals("0") && !isSignificand(digits)) {
            throw new IllegalArgumentException("digits must be \"0\" or start and end with a nonzero digit: " + digits);
        }
    }

    /** Python's "decpt": the position of the decimal point counted from the left of the digits. */
    public int pointPosition() {
        return exponent + 1;
    }

    /**
     * How many digits follow the decimal point when written without an exponent; negative when the last
     * significant digit lies left of the units digit (1200 is "12" and -2).
     */
    public int fractionDigits() {
        return digits.length() - pointPosition();
    }

    public boolean isZero() {
        return digits.equals("0");
    }

    /** Rounding happens on the exact binary value, as C's printf and Python's dtoa do, never on a shorter repr. */
    static DecimalDigits roundedToSignificant(double v, int significant) {
        BigDecimal exact = new BigDecimal(Math.abs(v));
        return of(v < 0 || isNegativeZero(v), exact.round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }

    static DecimalDigits roundedToFraction(double v, int fractionDigits) {
        BigDecimal exact = new BigDecimal(Math.abs(v));
        return of(v < 0 || isNegativeZero(v), exact.setScale(fractionDigits, RoundingMode.HALF_EVEN));
    }

    static DecimalDigits of(boolean negative, BigDecimal magnitude) {
        if (magnitude.signum() == 0) {
            return new DecimalDigits(negative, "0", 0);
        }
        BigDecimal stripped = magnitude.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new DecimalDigits(negative, digits, digits.length() - 1 - stripped.scale());
    }

    private static boolean isSignificand(String digits) {
        if (digits.isEmpty() || digits.charAt(0) == '0' || digits.charAt(digits.length() - 1) == '0') {
            return false;
        }
        return digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static boolean isNegativeZero(double v) {
        return v == 0 && Double.doubleToRawLongBits(v) != 0;
    }
}
