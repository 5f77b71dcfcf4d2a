package dev.nnl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected strings are numpy's str(arr) (numpy 2.4 with legacy='2.2', which matches numpy 1.14-2.2). */
class NumpyArrayPrinterTest {

    private static final PrintOptions D = PrintOptions.DEFAULTS;

    private static long[] shape(long... dims) {
        return dims;
    }

    private static double[] f32(float... v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static String float32(long[] shape, float... v) {
        return NumpyArrayPrinter.print(shape, f32(v), true, D);
    }

    private static String float64(long[] shape, double... v) {
        return NumpyArrayPrinter.print(shape, v, false, D);
    }

    private static double[] arange(int n, double step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * step;
        }
        return v;
    }

    @Test
    void integralFloatsKeepThePointOnly() {
        assertEquals("[[12.]]", float32(shape(1, 1), 12f));
        assertEquals("[0. 0.]", float32(shape(2), 0f, 0f));
        assertEquals("[-0.  1.]", float32(shape(2), -0f, 1f));
    }

    @Test
    void fractionsPadToTheLongestOne() {
        assertEquals("[2.5 2.5 3. ]", float32(shape(3), 2.5f, 2.5f, 3f));
        assertEquals("[0.09 0.24 0.67]", float32(shape(3), 0.09f, 0.24f, 0.67f));
        assertEquals("[0.09003057 0.24472847 0.66524096]", float64(shape(3), 0.09003057, 0.24472847, 0.66524096));
    }

    @Test
    void negativeValuesGetASignColumn() {
        assertEquals("[[-0.8113182   1.4845988   0.06532937]\n [-2.4427042   0.0992484   0.5912243 ]]",
                float32(shape(2, 3), -0.8113182f, 1.4845988f, 0.06532937f, -2.4427042f, 0.0992484f, 0.5912243f));
    }

    @Test
    void precisionCutsFloat64AtEightDigits() {
        assertEquals("[123456.12345679]", float64(shape(1), 123456.123456789));
    }

    @Test
    void scientificWhenTheRangeIsWide() {
        // RandomState(1).rand(2, 3)
        assertEquals("[[4.17022005e-01 7.20324493e-01 1.14374817e-04]\n [3.02332573e-01 1.46755891e-01 9.23385948e-02]]",
                float64(shape(2, 3), 0.417022004702574, 0.7203244934421581, 0.00011437481734488664,
                        0.30233257263183977, 0.14675589081711304, 0.0923385947687978));
        assertEquals("[1.e-05 1.e+00]", float32(shape(2), 1e-5f, 1f));
        assertEquals("[1.e+08 1.e+00]", float64(shape(2), 1e8, 1));
        assertEquals("[-1.5e+00  1.0e+07]", float64(shape(2), -1.5, 1e7));
        assertEquals("[5.e-324 1.e+000]", float64(shape(2), Double.MIN_VALUE, 1));
    }

    @Test
    void scientificPadsWithExactDigitsNotZeros() {
        // float32(3e-5) is 2.99999992e-05: the extra digits come from the exact value
        assertEquals("[1.0000000e-01 2.9999999e-05 1.2345679e-05]", float32(shape(3), 0.1f, 3e-5f, 1.2345679e-5f));
        assertEquals("[9.9999997e-06 1.2345678e-05]", float32(shape(2), 1e-5f, 1.2345678e-5f));
    }

    @Test
    void float32ComparesInFloat32() {
        // ratio 9 and min float32(1e-4), which is not below float32(1e-4): positional
        assertEquals("[0.0001 0.001 ]", float32(shape(2), 1e-4f, 1e-3f));
    }

    @Test
    void largeFloat32PrintsItsExactIntegerDigits() {
        assertEquals("[77381072.]", float32(shape(1), 77381072f));
    }

    @Test
    void nanAndInfinity() {
        assertEquals("[ nan -inf  1.5]", float64(shape(3), Double.NaN, Double.NEGATIVE_INFINITY, 1.5));
        assertEquals("[nan inf]", float64(shape(2), Double.NaN, Double.POSITIVE_INFINITY));
        assertEquals("[1.e-05    nan 2.e+00]", float64(shape(3), 1e-5, Double.NaN, 2));
    }

    @Test
    void suppressAvoidsScientific() {
        double[] v = {1e-10, 1, -1e-10};
        assertEquals("[ 1.e-10  1.e+00 -1.e-10]", NumpyArrayPrinter.print(shape(3), v, false, D));
        assertEquals("[ 0.  1. -0.]", NumpyArrayPrinter.print(shape(3), v, false, new PrintOptions(8, 1000, 3, 75, true)));
    }

    @Test
    void precisionOption() {
        PrintOptions three = new PrintOptions(3, 1000, 3, 75, false);
        assertEquals("[  3.142   2.718 100.   ]", NumpyArrayPrinter.print(shape(3), new double[] {Math.PI, Math.E, 100}, false, three));
        assertEquals("[1.000e-05 3.142e+00]", NumpyArrayPrinter.print(shape(2), new double[] {1e-5, Math.PI}, false, three));
    }

    @Test
    void longRowsWrapAtTheLineWidth() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = i * 0.1; // np.arange(0, 2, 0.1)
        }
        assertEquals("[0.  0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.  1.1 1.2 1.3 1.4 1.5 1.6 1.7\n 1.8 1.9]",
                float64(shape(20), v));
        assertEquals("[[ 0.  1.  2.  3.\n   4.  5.]\n [ 6.  7.  8.  9.\n  10. 11.]]",
                NumpyArrayPrinter.print(shape(2, 6), arange(12, 1), false, new PrintOptions(8, 1000, 3, 20, false)));
    }

    @Test
    void wrappedFloat32Rows() {
        float[] v = {-1f, -0.9310345f, -0.86206895f, -0.79310346f, -0.7241379f, -0.6551724f, -0.5862069f,
            -0.51724136f, -0.44827586f, -0.37931034f, -0.31034482f, -0.2413793f, -0.1724138f, -0.10344828f,
            -0.03448276f, 0.03448276f, 0.10344828f, 0.1724138f, 0.2413793f, 0.31034482f, 0.37931034f, 0.44827586f,
            0.51724136f, 0.5862069f, 0.6551724f, 0.7241379f, 0.79310346f, 0.86206895f, 0.9310345f, 1f};
        assertEquals("[-1.         -0.9310345  -0.86206895 -0.79310346 -0.7241379  -0.6551724\n"
                + " -0.5862069  -0.51724136 -0.44827586 -0.37931034 -0.31034482 -0.2413793\n"
                + " -0.1724138  -0.10344828 -0.03448276  0.03448276  0.10344828  0.1724138\n"
                + "  0.2413793   0.31034482  0.37931034  0.44827586  0.51724136  0.5862069\n"
                + "  0.6551724   0.7241379   0.79310346  0.86206895  0.9310345   1.        ]",
                float32(shape(30), v));
    }

    @Test
    void summarizesPastTheThreshold() {
        assertEquals("[   0.    1.    2. ...  998.  999. 1000.]",
                NumpyArrayPrinter.print(shape(1001), arange(1001, 1), true, D));
        assertEquals("[  0.    0.5   1.  ... 499.  499.5 500. ]", float64(shape(1001), arange(1001, 0.5)));
        PrintOptions never = new PrintOptions(8, Long.MAX_VALUE, 3, 75, false);
        String full = NumpyArrayPrinter.print(shape(1001), arange(1001, 1), true, never);
        assertTrue(!full.contains("...") && full.endsWith(" 999. 1000.]"), full);
    }

    @Test
    void summarizedBlocksAreSeparatedByBlankLines() {
        String expected = "[[[  0.    0.5   1.  ...   5.    5.5   6. ]\n"
                + "  [  6.5   7.    7.5 ...  11.5  12.   12.5]\n"
                + "  [ 13.   13.5  14.  ...  18.   18.5  19. ]\n"
                + "  ...\n"
                + "  [ 52.   52.5  53.  ...  57.   57.5  58. ]\n"
                + "  [ 58.5  59.   59.5 ...  63.5  64.   64.5]\n"
                + "  [ 65.   65.5  66.  ...  70.   70.5  71. ]]\n"
                + "\n"
                + " [[ 71.5  72.   72.5 ...  76.5  77.   77.5]\n"
                + "  [ 78.   78.5  79.  ...  83.   83.5  84. ]\n"
                + "  [ 84.5  85.   85.5 ...  89.5  90.   90.5]\n"
                + "  ...\n"
                + "  [123.5 124.  124.5 ... 128.5 129.  129.5]\n"
                + "  [130.  130.5 131.  ... 135.  135.5 136. ]\n"
                + "  [136.5 137.  137.5 ... 141.5 142.  142.5]]\n"
                + "\n"
                + " [[143.  143.5 144.  ... 148.  148.5 149. ]\n"
                + "  [149.5 150.  150.5 ... 154.5 155.  155.5]\n"
                + "  [156.  156.5 157.  ... 161.  161.5 162. ]\n"
                + "  ...\n"
                + "  [195.  195.5 196.  ... 200.  200.5 201. ]\n"
                + "  [201.5 202.  202.5 ... 206.5 207.  207.5]\n"
                + "  [208.  208.5 209.  ... 213.  213.5 214. ]]\n"
                + "\n"
                + " ...\n"
                + "\n"
                + " [[286.  286.5 287.  ... 291.  291.5 292. ]\n"
                + "  [292.5 293.  293.5 ... 297.5 298.  298.5]\n"
                + "  [299.  299.5 300.  ... 304.  304.5 305. ]\n"
                + "  ...\n"
                + "  [338.  338.5 339.  ... 343.  343.5 344. ]\n"
                + "  [344.5 345.  345.5 ... 349.5 350.  350.5]\n"
                + "  [351.  351.5 352.  ... 356.  356.5 357. ]]\n"
                + "\n"
                + " [[357.5 358.  358.5 ... 362.5 363.  363.5]\n"
                + "  [364.  364.5 365.  ... 369.  369.5 370. ]\n"
                + "  [370.5 371.  371.5 ... 375.5 376.  376.5]\n"
                + "  ...\n"
                + "  [409.5 410.  410.5 ... 414.5 415.  415.5]\n"
                + "  [416.  416.5 417.  ... 421.  421.5 422. ]\n"
                + "  [422.5 423.  423.5 ... 427.5 428.  428.5]]\n"
                + "\n"
                + " [[429.  429.5 430.  ... 434.  434.5 435. ]\n"
                + "  [435.5 436.  436.5 ... 440.5 441.  441.5]\n"
                + "  [442.  442.5 443.  ... 447.  447.5 448. ]\n"
                + "  ...\n"
                + "  [481.  481.5 482.  ... 486.  486.5 487. ]\n"
                + "  [487.5 488.  488.5 ... 492.5 493.  493.5]\n"
                + "  [494.  494.5 495.  ... 499.  499.5 500. ]]]";
        assertEquals(expected, float64(shape(7, 11, 13), arange(7 * 11 * 13, 0.5)));
    }

    @Test
    void summarizedIntegersIn3d() {
        long[] v = new long[2 * 3 * 1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7;
        }
        assertEquals("[[[0 1 2 ... 4 5 6]\n  [0 1 2 ... 4 5 6]\n  [0 1 2 ... 4 5 6]]\n\n"
                + " [[0 1 2 ... 4 5 6]\n  [0 1 2 ... 4 5 6]\n  [0 1 2 ... 4 5 6]]]",
                NumpyArrayPrinter.print(shape(2, 3, 1001), v, D));
    }

    @Test
    void integersPadToTheWidest() {
        assertEquals("[[1 2 3]\n [4 5 6]]", NumpyArrayPrinter.print(shape(2, 3), new long[] {1, 2, 3, 4, 5, 6}, D));
        assertEquals("[ 1 -2]", NumpyArrayPrinter.print(shape(2), new long[] {1, -2}, D));
        assertEquals("[ 9223372036854775807 -9223372036854775808]",
                NumpyArrayPrinter.print(shape(2), new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, D));
    }

    @Test
    void booleans() {
        assertEquals("[ True False]", NumpyArrayPrinter.print(shape(2), new boolean[] {true, false}, D));
        assertEquals("[[[ True]]]", NumpyArrayPrinter.print(shape(1, 1, 1), new boolean[] {true}, D));
    }

    @Test
    void zeroDimensionalArraysPrintTheScalar() {
        assertEquals("6.0", NumpyArrayPrinter.print(shape(), f32(6f), true, D));
        assertEquals("1e-05", NumpyArrayPrinter.print(shape(), f32(1e-5f), true, D));
        assertEquals("0.1", NumpyArrayPrinter.print(shape(), new double[] {0.1}, false, D));
        assertEquals("2", NumpyArrayPrinter.print(shape(), new long[] {2}, D));
        assertEquals("-3", NumpyArrayPrinter.print(shape(), new long[] {-3}, D));
        assertEquals("True", NumpyArrayPrinter.print(shape(), new boolean[] {true}, D));
    }

    @Test
    void emptyArrays() {
        assertEquals("[]", NumpyArrayPrinter.print(shape(0, 3), new double[0], false, D));
        assertEquals("[]", NumpyArrayPrinter.print(shape(0), new long[0], D));
        assertEquals("[]", NumpyArrayPrinter.print(shape(2, 0), new boolean[0], D));
    }

    @Test
    void shapeMustMatchTheValues() {
        assertThrows(IllegalArgumentException.class, () -> NumpyArrayPrinter.print(shape(2, 2), new long[3], D));
        assertThrows(IllegalArgumentException.class, () -> new PrintOptions(-1, 1000, 3, 75, false));
    }
}
