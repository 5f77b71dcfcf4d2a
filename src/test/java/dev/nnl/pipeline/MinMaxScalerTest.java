package dev.nnl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** scikit-learn's MinMaxScaler: per column, the feature range, constant columns, NaN, dtypes, and misuse. */
class MinMaxScalerTest {
    private static Tensor matrix(DType dtype, double... rowsOfTwo) {
        return Tensor.ofDoubles(new long[] {rowsOfTwo.length / 2, 2}, rowsOfTwo, dtype);
    }

    @Test
    void eachColumnGoesToTheFeatureRange() {
        Tensor x = matrix(DType.FLOAT64, 1, 10, 3, 20, 5, 40);
        MinMaxScaler s = new MinMaxScaler(0, 1).fit(x);
        assertArrayEquals(new double[] {0, 0, 0.5, 1 / 3.0, 1, 1}, s.transform(x).doubles(), 1e-15);
        assertArrayEquals(new double[] {1, 10}, s.dataMin().doubles());
        assertArrayEquals(new double[] {5, 40}, s.dataMax().doubles());
        assertArrayEquals(x.doubles(), s.inverseTransform(s.transform(x)).doubles(), 1e-12);
        MinMaxScaler wide = new MinMaxScaler(-1, 1).fit(x);
        assertArrayEquals(new double[] {-1, -1, 0, -1 / 3.0, 1, 1}, wide.transform(x).doubles(), 1e-15);
        // values outside what fit saw go outside the range, as in scikit-learn
        assertArrayEquals(new double[] {1.5, -1 / 3.0}, s.transform(matrix(DType.FLOAT64, 7, 0)).doubles(), 1e-15);
    }

    @Test
    void aConstantColumnIsNotDividedByZero() {
        Tensor x = matrix(DType.FLOAT64, 2, 1, 2, 3);
        MinMaxScaler s = new MinMaxScaler(0, 1).fit(x);
        assertArrayEquals(new double[] {0, 0, 0, 1}, s.transform(x).doubles());
        assertArrayEquals(new double[] {1, 0.5}, s.scale().doubles());
    }

    @Test
    void nanIsIgnoredByFitAndKeptByTransform() {
        Tensor x = matrix(DType.FLOAT64, 0, Double.NaN, 4, 2, 2, 6);
        double[] out = new MinMaxScaler(0, 1).fit(x).transform(x).doubles();
        assertEquals(0.5, out[4]);
        assertTrue(Double.isNaN(out[1]));
        assertEquals(1, out[5]);
    }

    @Test
    void float32StaysFloat32AndIntegersBecomeFloat64() {
        Tensor f = matrix(DType.FLOAT32, 0.1, 1, 0.7, 2, 0.3, 3);
        Tensor scaled = new MinMaxScaler(0, 1).fit(f).transform(f);
        assertEquals(DType.FLOAT32, scaled.dtype());
        // float32 arithmetic: (0.3f * (1 / 0.6f)) + (-0.1f * (1 / 0.6f)), each step rounded to float32
        float scale = 1 / (0.7f - 0.1f);
        float min = 0 - 0.1f * scale;
        assertEquals(0.3f * scale + min, (float) scaled.doubles()[4]);
        Tensor ints = Tensor.ofLongs(new long[] {2, 2}, new long[] {0, 5, 10, 15}, DType.INT64);
        assertEquals(DType.FLOAT64, new MinMaxScaler(0, 1).fit(ints).transform(ints).dtype());
    }

    @Test
    void misuseIsExplained() {
        MinMaxScaler s = new MinMaxScaler(0, 1);
        Tensor x = matrix(DType.FLOAT64, 1, 2, 3, 4);
        assertTrue(assertThrows(NnlError.class, () -> s.transform(x)).getMessage().contains("not fitted"));
        s.fit(x);
        Tensor three = Tensor.zeros(new long[] {2, 3}, DType.FLOAT64);
        assertTrue(assertThrows(NnlError.class, () -> s.transform(three)).getMessage().contains("x has 3 columns, but the scaler was fitted on 2"));
        NnlError flat = assertThrows(NnlError.class, () -> s.fit(Tensor.zeros(new long[] {4}, DType.FLOAT64)));
        assertTrue(flat.hint().contains("reshape(x, [-1, 1])"));
        assertThrows(NnlError.class, () -> new MinMaxScaler(1, 0));
    }
}
