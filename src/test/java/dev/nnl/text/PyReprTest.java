package dev.nnl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyReprTest {

    @Test
    void doublesLikePythonRepr() {
        assertEquals("0.1", PyRepr.of(0.1));
        assertEquals("0.30000000000000004", PyRepr.of(0.1 + 0.2));
        assertEquals("1e-05", PyRepr.of(1e-5));
        assertEquals("0.0001", PyRepr.of(1e-4));
        assertEquals("1e+16", PyRepr.of(1e16));
        assertEquals("9999999999999998.0", PyRepr.of(9999999999999998.0));
        assertEquals("12.0", PyRepr.of(12.0));
        assertEquals("-0.0", PyRepr.of(-0.0));
        assertEquals("0.0", PyRepr.of(0.0));
        assertEquals("2e+23", PyRepr.of(2e23));
        assertEquals("5e-324", PyRepr.of(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PyRepr.of(Double.MAX_VALUE));
        assertEquals("-1.5e-07", PyRepr.of(-1.5e-7));
        assertEquals("123456789.0", PyRepr.of(123456789.0));
    }

    @Test
    void nonFinite() {
        assertEquals("inf", PyRepr.of(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyRepr.of(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PyRepr.of(Double.NaN));
        assertEquals("nan", PyRepr.ofFloat32(Float.NaN));
        assertEquals("-inf", PyRepr.ofFloat32(Float.NEGATIVE_INFINITY));
    }

    @Test
    void float32LikeNumpyScalarStr() {
        // 4.5549998f is the float nearest 4.555, so numpy prints the shorter form; its neighbour needs 8 digits
        assertEquals("4.555", PyRepr.ofFloat32(4.5549998f));
        assertEquals("4.5549994", PyRepr.ofFloat32(Math.nextDown(4.555f)));
        assertEquals("0.1", PyRepr.ofFloat32(0.1f));
        assertEquals("6.0", PyRepr.ofFloat32(6.0f));
        assertEquals("-0.0", PyRepr.ofFloat32(-0.0f));
        assertEquals("1e-05", PyRepr.ofFloat32(1e-5f));
        assertEquals("13115230000.0", PyRepr.ofFloat32(1.31152302E10f));
        assertEquals("3.4028235e+38", PyRepr.ofFloat32(Float.MAX_VALUE));
        // float32(1e-4) lies just below 1e-4, and numpy decides on the value
        assertEquals("1e-04", PyRepr.ofFloat32(1e-4f));
        assertEquals("0.00012", PyRepr.ofFloat32(1.2e-4f));
        assertEquals("1e+16", PyRepr.ofFloat32(1e16f));
        assertEquals("9900000000000000.0", PyRepr.ofFloat32(9.9e15f));
    }
}
