package dev.nnl.text;

/**
 * CPython's PyOS_double_to_string for the codes 'e', 'f', 'g' (and upper-case forms) and 'r' (repr): picks the
 * digits the way dtoa's modes do, then lays them out as format_float_short does.
 */
final class PyFloatFormat {

    private PyFloatFormat() {
    }

    /**
     * @param code       e E f F g G or r
     * @param precision  digits after the point (e, f) or significant digits (g); unused for r
     * @param alternate  '#': keep the decimal point, and for g the trailing zeros
     * @param addDotZero write "x.0" rather than "x" for integral positional results (format without a type)
     * @param noNegZero  'z': a result that rounds to zero loses its minus sign
     */
    static String format(double v, char code, int precision, boolean alternate, boolean addDotZero, boolean noNegZero) {
        boolean upper = Character.isUpperCase(code);
        char c = Character.toLowerCase(code);
        if (Double.isNaN(v)) {
            return upper ? "NAN" : "nan";
        }
        if (Double.isInfinite(v)) {
            return (v < 0 ? "-" : "") + (upper ? "INF" : "inf");
        }
        int p = precision;
        DecimalDigits d = switch (c) {
            case 'e' -> DecimalDigits.roundedToSignificant(v, ++p);
            case 'f' -> DecimalDigits.roundedToFraction(v, p);
            case 'g' -> DecimalDigits.roundedToSignificant(v, p = Math.max(p, 1));
            case 'r' -> ShortestDecimal.of(v);
            default -> throw new IllegalArgumentException("no float layout for code '" + code + "'");
        };
        String digits = d.digits();
        int len = digits.length();
        int decpt = d.pointPosition();

        // the output is the slice [start, end) of the digits padded with zeros on both sides
        boolean useExp = false;
        int end = len;
        switch (c) {
            case 'e' -> {
                useExp = true;
                end = p;
            }
            case 'f' -> end = decpt + p;
            case 'g' -> {
                useExp = decpt <= -4 || decpt > (addDotZero ? p - 1 : p);
                if (alternate) {
                    end = p;
                }
            }
            default -> useExp = decpt <= -4 || decpt > 16;
        }
        int exp = 0;
        if (useExp) {
            exp = decpt - 1;
            decpt = 1;
        }
        int start = decpt <= 0 ? decpt - 1 : 0;
        end = Math.max(end, !useExp && addDotZero ? decpt + 1 : decpt);

        StringBuilder sb = new StringBuilder();
        if (d.negative() && !(noNegZero && d.isZero())) {
            sb.append('-');
        }
        if (decpt <= 0) {
            sb.append("0".repeat(decpt - start)).append('.').append("0".repeat(-decpt));
        }
        if (0 < decpt && decpt <= len) {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, len);
        } else {
            sb.append(digits);
        }
        if (len < decpt) {
            sb.append("0".repeat(decpt - len)).append('.').append("0".repeat(end - decpt));
        } else {
            sb.append("0".repeat(end - len));
        }
        if (sb.charAt(sb.length() - 1) == '.' && !alternate) {
            sb.setLength(sb.length() - 1);
        }
        if (useExp) {
            sb.append(upper ? 'E' : 'e').append(PyRepr.exponent(exp, 2));
        }
        return sb.toString();
    }
}
