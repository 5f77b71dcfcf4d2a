package dev.nnl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected strings are CPython 3.11's format(value, spec). */
class FormatSpecTest {

    private static String format(Object value, String spec) {
        return FormatSpec.parse(spec).apply(value);
    }

    private static void assertRejected(Object value, String spec, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> format(value, spec));
        assertEquals(message, e.getMessage());
    }

    @Test
    void floatTypes() {
        assertEquals("0.0012345", format(0.0012345, "g"));
        assertEquals("1.23457e+06", format(1234567.0, "g"));
        assertEquals("100000", format(100000.0, "g"));
        assertEquals("1E+06", format(1e6, "G"));
        assertEquals("4.000000", format(4.0, ".6f"));
        assertEquals("-3.14e+00", format(-3.14159, "+.2e"));
        assertEquals("3.000000e+00", format(3.0, "e"));
        assertEquals("1.000e+300", format(1e300, ".3e"));
        assertEquals("50.0%", format(0.5, ".1%"));
        assertEquals("0.001000%", format(1e-5, "%"));
        assertEquals("1e-07", format(1e-7, "n"));
    }

    @Test
    void roundingIsOnTheExactBinaryValue() {
        assertEquals("2", format(2.5, ".0f"));
        assertEquals("0.12", format(0.125, ".2f"));
        assertEquals("2.67", format(2.675, ".2f"));
    }

    @Test
    void noTypeIsReprOrGeneralWithAPoint() {
        assertEquals("1.0", format(1.0, ""));
        assertEquals("0.30000000000000004", format(0.1 + 0.2, ""));
        assertEquals("1e+16", format(1e16, ""));
        assertEquals("5e-324", format(Double.MIN_VALUE, ""));
        assertEquals("1.2e+01", format(12.0, ".2"));
        assertEquals("0.0", format(0.0, ".3"));
        assertEquals("0.00012", format(0.000123, ".2"));
        assertEquals("-0.0", format(-0.0, ""));
        assertEquals("0.0", format(-0.0, "z"));
    }

    @Test
    void alternateForm() {
        assertEquals("2.", format(1.5, "#.0f"));
        assertEquals("1.00000", format(1.0, "#g"));
        assertEquals("1.e+16", format(1e16, "#"));
        assertEquals("0xff", format(255L, "#x"));
        assertEquals("0o10", format(8L, "#o"));
        assertEquals("-0x00000ff", format(-255L, "#010x"));
    }

    @Test
    void widthAlignAndFill() {
        assertEquals("    3", format(3L, "5d"));
        assertEquals("    2.50", format(2.5, ">8.2f"));
        assertEquals("ab   ", format("ab", "<5"));
        assertEquals("   7   ", format(7L, "^7"));
        assertEquals("**abc***", format("abc", "*^8"));
        assertEquals("  héllo  ", format("héllo", "^9"));
        assertEquals("+    3.142", format(3.14159, "=+10.3f"));
        assertEquals("abc00", format("abc", "05"));
        assertEquals("abc", format("abcdef", ".3"));
    }

    @Test
    void grouping() {
        assertEquals("12,345,678", format(12345678L, ","));
        assertEquals("9,223,372,036,854,775,807", format(Long.MAX_VALUE, ","));
        assertEquals("1_234.57", format(1234.5678, "_.2f"));
        assertEquals("dead_beef", format(0xDEADBEEFL, "_x"));
        // zero padding runs through the separators
        assertEquals("00,001,234", format(1234L, "010,"));
        assertEquals("0,001,234", format(1234L, "09,"));
        assertEquals("-0,001,234.5", format(-1234.5, "0=12,.1f"));
    }

    @Test
    void integers() {
        assertEquals("+3", format(3L, "+"));
        assertEquals(" 3", format(3L, " "));
        assertEquals("FF", format(255L, "X"));
        assertEquals("101", format(5L, "b"));
        assertEquals("A", format(65L, "c"));
        assertEquals("-8000000000000000", format(Long.MIN_VALUE, "x"));
        assertEquals("123456789", format(123456789L, "n"));
        assertEquals("3.000000", format(3L, "f"));
    }

    @Test
    void booleansAreIntegersUnlessTheSpecIsEmpty() {
        assertEquals("True", format(true, ""));
        assertEquals("    1", format(true, ">5"));
        assertEquals("0", format(false, "d"));
    }

    @Test
    void nonFiniteFloats() {
        assertEquals("000inf", format(Double.POSITIVE_INFINITY, "06"));
        assertEquals("+nan", format(Double.NaN, "+"));
        assertEquals("-INF", format(Double.NEGATIVE_INFINITY, "F"));
    }

    @Test
    void negativeZeroCoercion() {
        assertEquals("0.00", format(-0.0001, "z.2f"));
        assertEquals("-0.00", format(-0.0001, ".2f"));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertRejected(1.5, "q", "unknown format code 'q' for a float");
        assertRejected(1.5, "d", "unknown format code 'd' for a float");
        assertRejected("ab", "d", "unknown format code 'd' for a string");
        assertRejected(3L, ".2d", "invalid format spec '.2d': a precision is not allowed when formatting an integer");
        assertRejected(3L, "z", "invalid format spec 'z': 'z' is only allowed when formatting a float");
        assertRejected("ab", "+", "invalid format spec '+': a sign is not allowed when formatting a string");
        assertRejected("ab", "=5", "invalid format spec '=5': '=' alignment is not allowed when formatting a string");
        assertRejected("ab", ",", "invalid format spec ',': ',' grouping is not allowed with format code 's'");
        assertRejected(255L, ",x", "invalid format spec ',x': ',' grouping is not allowed with format code 'x'");
        assertRejected(1.5, ".f", "invalid format spec '.f': a precision must follow '.'");
        assertRejected(1.5, ",_", "invalid format spec ',_': ',' and '_' grouping cannot be used together");
        assertRejected(1.5, "5.2ff",
                "invalid format spec '5.2ff': expected [[fill]align][sign][z][#][0][width][grouping][.precision][type]"
                        + " but 'ff' is left over");
        assertRejected(-1L, "c", "format code 'c' needs a value from 0 to 0x10ffff, got -1");
    }
}
