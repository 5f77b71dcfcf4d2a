package dev.nnl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShortestDecimalTest {

    @Test
    void doubleDigitsAndExponent() {
        assertEquals(new DecimalDigits(false, "1", -1), ShortestDecimal.of(0.1));
        assertEquals(new DecimalDigits(false, "30000000000000004", -1), ShortestDecimal.of(0.1 + 0.2));
        assertEquals(new DecimalDigits(true, "125", 1), ShortestDecimal.of(-12.5));
        assertEquals(new DecimalDigits(false, "5", -324), ShortestDecimal.of(Double.MIN_VALUE));
        assertEquals(new DecimalDigits(false, "17976931348623157", 308), ShortestDecimal.of(Double.MAX_VALUE));
    }

    @Test
    void zeroKeepsItsSign() {
        assertEquals(new DecimalDigits(false, "0", 0), ShortestDecimal.of(0.0));
        assertEquals(new DecimalDigits(true, "0", 0), ShortestDecimal.of(-0.0));
        assertEquals(new DecimalDigits(true, "0", 0), ShortestDecimal.of(-0.0f));
    }

    @Test
    void shorterThanJdkToString() {
        // JDK 17 prints 1.9999999999999998E23 and 9.999999999999999E22 here
        assertEquals(new DecimalDigits(false, "2", 23), ShortestDecimal.of(2e23));
        assertEquals(new DecimalDigits(false, "1", 23), ShortestDecimal.of(1e23));
        // and 1.31152302E10 for this float
        assertEquals(new DecimalDigits(false, "1311523", 10), ShortestDecimal.of(1.31152302E10f));
    }

    @Test
    void floatDigitsUseFloat32Precision() {
        assertEquals(new DecimalDigits(false, "1", -1), ShortestDecimal.of(0.1f));
        assertEquals(new DecimalDigits(false, "4555", 0), ShortestDecimal.of(4.5549998f));
        assertEquals(new DecimalDigits(false, "45549994", 0), ShortestDecimal.of(Math.nextDown(4.555f)));
        assertEquals(new DecimalDigits(false, "1", -45), ShortestDecimal.of(Float.MIN_VALUE));
        assertEquals(new DecimalDigits(false, "34028235", 38), ShortestDecimal.of(Float.MAX_VALUE));
        // the double nearest to float32(0.1) needs all its digits
        assertEquals(new DecimalDigits(false, "10000000149011612", -1), ShortestDecimal.of((double) 0.1f));
    }

    @Test
    void powerOfTwoWithLopsidedInterval() {
        // at a power of two the gap below is half the gap above, so rounding the exact value to 16
        // digits misses the 16-digit decimal that still reads back (Python prints 5.960464477539063e-08)
        assertEquals(new DecimalDigits(false, "5960464477539063", -8), ShortestDecimal.of(0x1p-24));
        assertEquals(new DecimalDigits(false, "5684341886080802", -14), ShortestDecimal.of(0x1p-44));
        assertEquals(new DecimalDigits(false, "12621775", -29), ShortestDecimal.of(0x1p-96f));
        assertEquals(new DecimalDigits(false, "15474251", 26), ShortestDecimal.of(0x1p87f));
    }

    @Test
    void nonFiniteHasNoDigits() {
        assertThrows(IllegalArgumentException.class, () -> ShortestDecimal.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ShortestDecimal.of(Float.POSITIVE_INFINITY));
    }

    @Test
    void roundingIsOnTheExactValue() {
        // 2.675 is stored as 2.67499999…, so it rounds down as in Python's format(2.675, '.2f')
        assertEquals(new DecimalDigits(false, "267", 0), DecimalDigits.roundedToFraction(2.675, 2));
        assertEquals(new DecimalDigits(false, "12", -1), DecimalDigits.roundedToFraction(0.125, 2));
        assertEquals(new DecimalDigits(false, "1", 1), DecimalDigits.roundedToSignificant(9.96, 2));
        assertEquals(1, new DecimalDigits(false, "1234", 2).fractionDigits());
        assertEquals(-2, new DecimalDigits(false, "12", 3).fractionDigits());
    }
}
