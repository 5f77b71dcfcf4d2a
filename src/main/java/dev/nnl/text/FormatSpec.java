package dev.nnl.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's format-spec mini-language, {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]},
 * as {@code format(value, spec)} and f-strings apply it to int, float, bool and str values. The parser and
 * the number layout follow CPython 3.11's formatter_unicode.c; floats are rounded on their exact binary value.
 */
public final class FormatSpec {

    private static final int NONE = -1;

    private final String text;
    private final int fill;
    private final char align;
    private final char sign;
    private final boolean noNegativeZero;
    private final boolean alternate;
    private final boolean zeroPad;
    private final int width;
    private final char grouping;
    private final int precision;
    private final int type;

    private FormatSpec(String text, int fill, char align, char sign, boolean noNegativeZero, boolean alternate,
                       boolean zeroPad, int width, char grouping, int precision, int type) {
        this.text = text;
        this.fill = fill;
        this.align = align;
        this.sign = sign;
        this.noNegativeZero = noNegativeZero;
        this.alternate = alternate;
        this.zeroPad = zeroPad;
        this.width = width;
        this.grouping = grouping;
        this.precision = precision;
        this.type = type;
    }

    public static FormatSpec parse(String spec) {
        int[] cp = spec.codePoints().toArray();
        int end = cp.length;
        int pos = 0;
        int fill = NONE;
        char align = 0;
        if (end - pos >= 2 && isAlign(cp[pos + 1])) {
            fill = cp[pos];
            align = (char) cp[pos + 1];
            pos += 2;
        } else if (end - pos >= 1 && isAlign(cp[pos])) {
            align = (char) cp[pos];
            pos++;
        }
        char sign = 0;
        if (pos < end && (cp[pos] == '+' || cp[pos] == '-' || cp[pos] == ' ')) {
            sign = (char) cp[pos++];
        }
        boolean noNegativeZero = pos < end && cp[pos] == 'z';
        if (noNegativeZero) {
            pos++;
        }
        boolean alternate = pos < end && cp[pos] == '#';
        if (alternate) {
            pos++;
        }
        // a '0' before the width means zero padding only when no fill character was given
        boolean zeroPad = fill == NONE && pos < end && cp[pos] == '0';
        if (zeroPad) {
            pos++;
        }
        int widthStart = pos;
        while (pos < end && Character.digit(cp[pos], 10) >= 0) {
            pos++;
        }
        int width = pos > widthStart ? number(spec, cp, widthStart, pos, "width") : NONE;
        char grouping = 0;
        if (pos < end && cp[pos] == ',') {
            grouping = ',';
            pos++;
        }
        if (pos < end && cp[pos] == '_') {
            if (grouping != 0) {
                throw bad(spec, "',' and '_' grouping cannot be used together");
            }
            grouping = '_';
            pos++;
        }
        if (pos < end && cp[pos] == ',' && grouping == '_') {
            throw bad(spec, "',' and '_' grouping cannot be used together");
        }
        int precision = NONE;
        if (pos < end && cp[pos] == '.') {
            pos++;
            int precisionStart = pos;
            while (pos < end && Character.digit(cp[pos], 10) >= 0) {
                pos++;
            }
            if (pos == precisionStart) {
                throw bad(spec, "a precision must follow '.'");
            }
            precision = number(spec, cp, precisionStart, pos, "precision");
        }
        if (end - pos > 1) {
            throw bad(spec, "expected [[fill]align][sign][z][#][0][width][grouping][.precision][type] but '"
                    + new String(cp, pos, end - pos) + "' is left over");
        }
        int type = pos < end ? cp[pos] : 0;
        return new FormatSpec(spec, fill, align, sign, noNegativeZero, alternate, zeroPad, width, grouping,
                precision, type);
    }

    /** Formats a Long (or Integer), Double (or Float), Boolean or String as Python would. */
    public String apply(Object value) {
        if (value instanceof String s) {
            return formatString(s);
        }
        if (value instanceof Boolean b) {
            // bool is an int in Python: only the empty spec shows True/False
            return text.isEmpty() ? (b ? "True" : "False") : formatInteger(b ? 1 : 0, "a bool");
        }
        if (value instanceof Long || value instanceof Integer) {
            return formatInteger(((Number) value).longValue(), "an int");
        }
        if (value instanceof Double || value instanceof Float) {
            return formatFloat(((Number) value).doubleValue(), "a float");
        }
        String kind = value == null ? "none" : "a " + value.getClass().getSimpleName();
        throw new IllegalArgumentException("cannot apply format spec '" + text + "' to " + kind);
    }

    @Override
    public String toString() {
        return text;
    }

    private String formatString(String s) {
        int t = type == 0 ? 's' : type;
        checkGrouping(t);
        if (t != 's') {
            throw unknownCode(t, "a string");
        }
        if (sign != 0) {
            throw bad(text, "a sign is not allowed when formatting a string");
        }
        if (noNegativeZero) {
            throw bad(text, "'z' is only allowed when formatting a float");
        }
        if (alternate) {
            throw bad(text, "'#' is not allowed when formatting a string");
        }
        if (align == '=') {
            throw bad(text, "'=' alignment is not allowed when formatting a string");
        }
        String shown = s;
        if (precision != NONE && s.codePointCount(0, s.length()) > precision) {
            shown = s.substring(0, s.offsetByCodePoints(0, precision));
        }
        int padding = Math.max(0, width - shown.codePointCount(0, shown.length()));
        int left = switch (align == 0 ? '<' : align) {
            case '>' -> padding;
            case '^' -> padding / 2;
            default -> 0;
        };
        int fillChar = zeroPad ? '0' : fill == NONE ? ' ' : fill;
        return repeat(fillChar, left) + shown + repeat(fillChar, padding - left);
    }

    private String formatInteger(long v, String kind) {
        int t = type == 0 ? 'd' : type;
        checkGrouping(t);
        switch (t) {
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n' -> {
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return formatFloat((double) v, kind);
            }
            default -> throw unknownCode(t, kind);
        }
        if (precision != NONE) {
            throw bad(text, "a precision is not allowed when formatting an integer");
        }
        if (noNegativeZero) {
            throw bad(text, "'z' is only allowed when formatting a float");
        }
        if (t == 'c') {
            if (sign != 0) {
                throw bad(text, "a sign is not allowed with format code 'c'");
            }
            if (alternate) {
                throw bad(text, "'#' is not allowed with format code 'c'");
            }
            if (v < 0 || v > Character.MAX_CODE_POINT) {
                throw new IllegalArgumentException("format code 'c' needs a value from 0 to 0x10ffff, got " + v);
            }
            return layoutNumber(false, "", "", false, new String(Character.toChars((int) v)), t);
        }
        int radix = switch (t) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = Long.toString(v, radix);
        boolean negative = digits.startsWith("-");
        if (negative) {
            digits = digits.substring(1);
        }
        String prefix = alternate && radix != 10 ? "0" + (char) t : "";
        if (t == 'X') {
            digits = digits.toUpperCase();
        }
        return layoutNumber(negative, prefix, digits, false, "", t);
    }

    private String formatFloat(double v, String kind) {
        int t = type;
        checkGrouping(t);
        switch (t) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> {
            }
            default -> throw unknownCode(t, kind);
        }
        boolean addDotZero = false;
        int defaultPrecision = 6;
        if (t == 0) {
            // no type: repr without a precision, else 'g' that keeps at least one fractional digit
            addDotZero = true;
            t = 'r';
            defaultPrecision = 0;
        }
        if (t == 'n') {
            t = 'g';
        }
        boolean percent = t == '%';
        if (percent) {
            t = 'f';
            v *= 100;
        }
        int p = precision;
        if (p == NONE) {
            p = defaultPrecision;
        } else if (t == 'r') {
            t = 'g';
        }
        String body = PyFloatFormat.format(v, (char) t, p, alternate, addDotZero, noNegativeZero);
        if (percent) {
            body += "%";
        }
        boolean negative = body.startsWith("-");
        if (negative) {
            body = body.substring(1);
        }
        int digitsEnd = 0;
        while (digitsEnd < body.length() && body.charAt(digitsEnd) >= '0' && body.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        boolean hasDecimal = digitsEnd < body.length() && body.charAt(digitsEnd) == '.';
        String remainder = body.substring(digitsEnd + (hasDecimal ? 1 : 0));
        return layoutNumber(negative, "", body.substring(0, digitsEnd), hasDecimal, remainder, t);
    }

    /** CPython's calc_number_widths + fill_number: [pad][sign][prefix][pad][grouped digits][.][rest][pad]. */
    private String layoutNumber(boolean negative, String prefix, String digits, boolean hasDecimal, String remainder,
                                int t) {
        String signText = switch (sign) {
            case '+' -> negative ? "-" : "+";
            case ' ' -> negative ? "-" : " ";
            default -> negative ? "-" : "";
        };
        int fillChar = zeroPad ? '0' : fill == NONE ? ' ' : fill;
        char effectiveAlign = align != 0 ? align : zeroPad ? '=' : '>';
        int nonDigits = signText.length() + prefix.length() + (hasDecimal ? 1 : 0)
                + remainder.codePointCount(0, remainder.length());
        // zero padding becomes part of the digits, so that grouping separators run through it
        int minWidth = fillChar == '0' && effectiveAlign == '=' ? width - nonDigits : 0;
        int groupSize = grouping == 0 ? 0 : grouping == '_' && "boxX".indexOf(t) >= 0 ? 4 : 3;
        String grouped = digits.isEmpty() ? "" : group(digits, groupSize, grouping, minWidth);
        int padding = Math.max(0, width - nonDigits - grouped.length());
        int left = 0;
        int inner = 0;
        int right = 0;
        switch (effectiveAlign) {
            case '<' -> right = padding;
            case '^' -> {
                left = padding / 2;
                right = padding - left;
            }
            case '=' -> inner = padding;
            default -> left = padding;
        }
        return repeat(fillChar, left) + signText + prefix + repeat(fillChar, inner) + grouped
                + (hasDecimal ? "." : "") + remainder + repeat(fillChar, right);
    }

    /** CPython's _PyUnicode_InsertThousandsGrouping: groups from the right, zero-filling up to minWidth. */
    private static String group(String digits, int groupSize, char separator, int minWidth) {
        int remaining = digits.length();
        if (groupSize == 0) {
            int length = Math.max(Math.max(remaining, minWidth), 1);
            return "0".repeat(length - remaining) + digits;
        }
        List<String> groups = new ArrayList<>();
        int left = minWidth;
        while (true) {
            int length = Math.min(groupSize, Math.max(Math.max(remaining, left), 1));
            int chars = Math.min(remaining, length);
            groups.add("0".repeat(length - chars) + digits.substring(remaining - chars, remaining));
            remaining -= chars;
            left -= length;
            if (remaining <= 0 && left <= 0) {
                break;
            }
            left -= 1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = groups.size() - 1; i >= 0; i--) {
            sb.append(groups.get(i));
            if (i > 0) {
                sb.append(separator);
            }
        }
        return sb.toString();
    }

    /** PEP 378 and PEP 515: which format codes take a thousands separator. */
    private void checkGrouping(int t) {
        if (grouping == 0) {
            return;
        }
        boolean allowed = switch (t) {
            case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F' -> true;
            case 'b', 'o', 'x', 'X' -> grouping == '_';
            default -> false;
        };
        if (!allowed) {
            throw bad(text, "'" + grouping + "' grouping is not allowed with format code '" + codeText(t) + "'");
        }
    }

    private IllegalArgumentException unknownCode(int t, String kind) {
        return new IllegalArgumentException("unknown format code '" + codeText(t) + "' for " + kind);
    }

    private static String codeText(int t) {
        return new String(Character.toChars(t));
    }

    private static int number(String spec, int[] cp, int from, int to, String what) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + Character.digit(cp[i], 10);
            if (n > Integer.MAX_VALUE) {
                throw bad(spec, "the " + what + " is too large");
            }
        }
        return (int) n;
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static String repeat(int codePoint, int count) {
        return count <= 0 ? "" : new String(Character.toChars(codePoint)).repeat(count);
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("invalid format spec '" + spec + "': " + why);
    }
}
