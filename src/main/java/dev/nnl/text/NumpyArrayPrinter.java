package dev.nnl.text;

import java.util.function.LongFunction;

/**
 * numpy's {@code str(ndarray)} (what {@code print(arr)} shows) for float, integer and bool arrays stored
 * row-major: a port of {@code array2string}, {@code _formatArray} and {@code _extendLine} with separator ' ',
 * no prefix and legacy=False.
 */
public final class NumpyArrayPrinter {

    private static final String SUMMARY = "...";

    private final long[] shape;
    private final long[] strides;
    private final LongFunction<String> element;
    private final boolean summarize;
    private final int edgeItems;
    private final int lineWidth;

    private NumpyArrayPrinter(long[] shape, LongFunction<String> element, boolean summarize, PrintOptions o) {
        this.shape = shape;
        this.strides = new long[shape.length];
        long stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        this.element = element;
        this.summarize = summarize;
        this.edgeItems = o.edgeitems();
        this.lineWidth = o.linewidth();
    }

    /** Float arrays; with {@code float32} the values are float32 numbers and get float32's shortest digits. */
    public static String print(long[] shape, double[] values, boolean float32, PrintOptions o) {
        checkSize(shape, values.length);
        if (shape.length == 0) {
            return float32 ? PyRepr.ofFloat32((float) values[0]) : PyRepr.of(values[0]);
        }
        if (values.length == 0) {
            return "[]";
        }
        boolean summarize = values.length > o.threshold();
        long[] shown = shownIndices(shape, summarize, o.edgeitems());
        double[] data = new double[shown.length];
        for (int i = 0; i < shown.length; i++) {
            data[i] = values[(int) shown[i]];
        }
        NumpyFloatFormat format = new NumpyFloatFormat(data, float32, o);
        return new NumpyArrayPrinter(shape, i -> format.format(values[(int) i]), summarize, o).render();
    }

    public static String print(long[] shape, long[] values, PrintOptions o) {
        checkSize(shape, values.length);
        if (shape.length == 0) {
            return Long.toString(values[0]);
        }
        if (values.length == 0) {
            return "[]";
        }
        boolean summarize = values.length > o.threshold();
        // numpy's IntegerFormat: every element as wide as the longer of str(max) and str(min)
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (long i : shownIndices(shape, summarize, o.edgeitems())) {
            max = Math.max(max, values[(int) i]);
            min = Math.min(min, values[(int) i]);
        }
        int width = Math.max(Long.toString(max).length(), Long.toString(min).length());
        return new NumpyArrayPrinter(shape, i -> Dragon4.padLeft(Long.toString(values[(int) i]), width), summarize, o)
                .render();
    }

    public static String print(long[] shape, boolean[] values, PrintOptions o) {
        checkSize(shape, values.length);
        if (shape.length == 0) {
            return values[0] ? "True" : "False";
        }
        if (values.length == 0) {
            return "[]";
        }
        boolean summarize = values.length > o.threshold();
        // " True" lines up with "False"
        return new NumpyArrayPrinter(shape, i -> values[(int) i] ? " True" : "False", summarize, o).render();
    }

    private static void checkSize(long[] shape, int length) {
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape: " + d);
            }
            size *= d;
        }
        if (size != length) {
            throw new IllegalArgumentException("shape holds " + size + " elements but " + length + " values were given");
        }
    }

    /**
     * numpy's {@code _leading_trailing}: the flat indices of the elements that stay visible, which are the only
     * ones the element formatter measures when the array is summarized.
     */
    private static long[] shownIndices(long[] shape, boolean summarize, int edgeItems) {
        long[] indices = {0};
        long stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            long n = shape[axis];
            long[] kept = summarize && n > 2L * edgeItems ? edges(n, edgeItems) : range(n);
            long[] next = new long[kept.length * indices.length];
            int k = 0;
            for (long outer : kept) {
                for (long inner : indices) {
                    next[k++] = outer * stride + inner;
                }
            }
            indices = next;
            stride *= n;
        }
        return indices;
    }

    private static long[] range(long n) {
        long[] r = new long[(int) n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static long[] edges(long n, int edgeItems) {
        if (edgeItems == 0) {
            // numpy slices a[-0:], which is the whole axis
            return range(n);
        }
        long[] r = new long[2 * edgeItems];
        for (int i = 0; i < edgeItems; i++) {
            r[i] = i;
            r[edgeItems + i] = n - edgeItems + i;
        }
        return r;
    }

    private String render() {
        return recurse(0, 0, " ", lineWidth);
    }

    /** {@code _formatArray.recurser}: the hanging indent is written on the first line too, then cut off. */
    private String recurse(int axis, long offset, String hangingIndent, int currWidth) {
        int axesLeft = shape.length - axis;
        if (axesLeft == 0) {
            return element.apply(offset);
        }
        String nextHangingIndent = hangingIndent + " ";
        int nextWidth = currWidth - 1;
        long n = shape[axis];
        long stride = strides[axis];
        boolean showSummary = summarize && 2L * edgeItems < n;
        long leading = showSummary ? edgeItems : 0;
        long trailing = showSummary ? edgeItems : n;

        StringBuilder s = new StringBuilder();
        if (axesLeft == 1) {
            // room for the closing bracket
            int elemWidth = currWidth - 1;
            String line = hangingIndent;
            for (long i = 0; i < leading; i++) {
                String word = recurse(axis + 1, offset + i * stride, nextHangingIndent, nextWidth);
                line = extendLine(s, line, word, elemWidth, hangingIndent) + " ";
            }
            if (showSummary) {
                line = extendLine(s, line, SUMMARY, elemWidth, hangingIndent) + " ";
            }
            for (long i = trailing; i > 1; i--) {
                String word = recurse(axis + 1, offset + (n - i) * stride, nextHangingIndent, nextWidth);
                line = extendLine(s, line, word, elemWidth, hangingIndent) + " ";
            }
            String last = recurse(axis + 1, offset + (n - 1) * stride, nextHangingIndent, nextWidth);
            line = extendLine(s, line, last, elemWidth, hangingIndent);
            s.append(line);
        } else {
            // one blank line between 2-D blocks, two between 3-D blocks, ...
            String lineSep = "\n".repeat(axesLeft - 1);
            for (long i = 0; i < leading; i++) {
                s.append(hangingIndent).append(recurse(axis + 1, offset + i * stride, nextHangingIndent, nextWidth))
                        .append(lineSep);
            }
            if (showSummary) {
                s.append(hangingIndent).append(SUMMARY).append(lineSep);
            }
            for (long i = trailing; i > 1; i--) {
                s.append(hangingIndent)
                        .append(recurse(axis + 1, offset + (n - i) * stride, nextHangingIndent, nextWidth))
                        .append(lineSep);
            }
            s.append(hangingIndent).append(recurse(axis + 1, offset + (n - 1) * stride, nextHangingIndent, nextWidth));
        }
        return "[" + s.substring(hangingIndent.length()) + "]";
    }

    /** {@code _extendLine}: wrap before a word that would pass the width, unless the line holds only its indent. */
    private static String extendLine(StringBuilder s, String line, String word, int width, String nextLinePrefix) {
        boolean needsWrap = line.length() + word.length() > width && line.length() > nextLinePrefix.length();
        if (needsWrap) {
            s.append(line.stripTrailing()).append('\n');
            return nextLinePrefix + word;
        }
        return line + word;
    }
}
