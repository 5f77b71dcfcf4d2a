package dev.nnl.text;

/**
 * Python's {@code repr(float)} for float64 values and numpy's {@code str(np.float32(x))} for float32 values:
 * shortest round-trip digits, positional with a trailing ".0" in the middle range, scientific outside it.
 */
public final class PyRepr {

    private PyRepr() {
    }

    public static String of(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        DecimalDigits d = ShortestDecimal.of(v);
        // Python decides on the digits' decimal point position, which equals 1e-4 <= |x| < 1e16 for doubles
        int decpt = d.pointPosition();
        return decpt <= -4 || decpt > 16 ? scientific(d) : positional(d);
    }

    public static String ofFloat32(float v) {
        if (!Float.isFinite(v)) {
            return nonFinite(v);
        }
        DecimalDigits d = ShortestDecimal.of(v);
        // numpy decides on the value itself: float32(1e-4) is just below 1e-4 and prints as 1e-04
        double a = Math.abs(v);
        boolean positional = a == 0 || a >= 1e-4 && a < 1e16;
        return positional ? positional(d) : scientific(d);
    }

    static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        return v > 0 ? "inf" : "-inf";
    }

    /** Digits around a decimal point, with ".0" when there is no fraction. */
    static String positional(DecimalDigits d) {
        StringBuilder sb = new StringBuilder();
        if (d.negative()) {
            sb.append('-');
        }
        String digits = d.digits();
        int decpt = d.pointPosition();
        if (decpt <= 0) {
            sb.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }

    /** d[.ddd]e±XX with at least two exponent digits. */
    static String scientific(DecimalDigits d) {
        StringBuilder sb = new StringBuilder();
        if (d.negative()) {
            sb.append('-');
        }
        String digits = d.digits();
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent(d.exponent(), 2)).toString();
    }

    /** Sign and at least {@code minDigits} digits, as C's "%+.02d" and numpy's exp_digits write an exponent. */
    static String exponent(int e, int minDigits) {
        String magnitude = Integer.toString(Math.abs(e));
        return (e < 0 ? "-" : "+") + "0".repeat(Math.max(0, minDigits - magnitude.length())) + magnitude;
    }
}
