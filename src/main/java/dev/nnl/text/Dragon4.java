package dev.nnl.text;

/**
 * numpy's {@code dragon4_positional} and {@code dragon4_scientific} in "unique" mode, as its array printer
 * calls them: shortest round-trip digits, cut at a precision (rounding the exact value half-even), and in
 * scientific mode extended with further exact digits up to a minimum.
 */
final class Dragon4 {

    private Dragon4() {
    }

    static DecimalDigits shortest(double x, boolean float32) {
        return float32 ? ShortestDecimal.of((float) x) : ShortestDecimal.of(x);
    }

    /**
     * At most {@code precision} digits after the decimal point; at least {@code minDigits} (-1: no minimum).
     * A minimum of 0 makes a large float32 like 77381072 print all its integer digits, not "77381070.".
     */
    static DecimalDigits positionalDigits(double x, boolean float32, int precision, int minDigits) {
        DecimalDigits s = shortest(x, float32);
        int fraction = s.fractionDigits();
        if (fraction > precision) {
            return DecimalDigits.roundedToFraction(x, precision);
        }
        if (fraction < minDigits) {
            return DecimalDigits.roundedToFraction(x, minDigits);
        }
        return s;
    }

    /** Between {@code minDigits} and {@code precision} digits after the point of d.ddd. */
    static DecimalDigits scientificDigits(double x, boolean float32, int precision, int minDigits) {
        DecimalDigits s = shortest(x, float32);
        int fraction = s.digits().length() - 1;
        if (fraction > precision) {
            return DecimalDigits.roundedToSignificant(x, precision + 1);
        }
        if (fraction < minDigits) {
            return DecimalDigits.roundedToSignificant(x, minDigits + 1);
        }
        return s;
    }

    /** The part left of the decimal point, sign included. */
    static String integerPart(DecimalDigits d) {
        String digits = d.digits();
        int decpt = d.pointPosition();
        String sign = d.negative() ? "-" : "";
        if (decpt <= 0) {
            return sign + "0";
        }
        if (decpt >= digits.length()) {
            return sign + digits + "0".repeat(decpt - digits.length());
        }
        return sign + digits.substring(0, decpt);
    }

    /** The part right of the decimal point, without trailing zeros. */
    static String fractionPart(DecimalDigits d) {
        String digits = d.digits();
        int decpt = d.pointPosition();
        if (decpt <= 0) {
            return "0".repeat(-decpt) + digits;
        }
        return decpt >= digits.length() ? "" : digits.substring(decpt);
    }

    /** Trim mode '.': the point stays, trailing zeros go; padded with spaces on both sides. */
    static String positional(DecimalDigits d, int padLeft, int padRight) {
        String fraction = fractionPart(d);
        return padLeft(integerPart(d), padLeft) + "." + fraction + " ".repeat(Math.max(0, padRight - fraction.length()));
    }

    /** Trim mode 'k' with exactly {@code fractionDigits} digits after the point. */
    static String scientific(DecimalDigits d, int fractionDigits, int padLeft, int expDigits) {
        String digits = d.digits();
        String head = (d.negative() ? "-" : "") + digits.charAt(0);
        String tail = digits.substring(1);
        return padLeft(head, padLeft) + "." + tail + "0".repeat(Math.max(0, fractionDigits - tail.length()))
                + "e" + PyRepr.exponent(d.exponent(), expDigits);
    }

    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
