package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.Builtin;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.Callable;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.Namespace;
import dev.nnl.interp.NnlDict;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Signature;
import dev.nnl.interp.Values;
import dev.nnl.plot.Axes;
import dev.nnl.plot.Colors;
import dev.nnl.plot.Figure;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.Tensor;
import dev.nnl.train.History;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Charts saved as PNG: {@code plot(history, ...)} for training curves, {@code figure()} with subplots of lines,
 * points, bars and contours, and the {@code plt} namespace, which spells the same drawing as matplotlib's pyplot
 * on an implicit current figure.
 */
final class PlotBuiltins {
    private PlotBuiltins() {}

    /** A method of figures; {@code plt.<name>} calls it on the current figure. */
    private record FigureMethod(String names, String params, Builtin.Impl impl) {}

    private static final List<FigureMethod> FIGURE_METHODS = List.of(
            new FigureMethod("subplot", "self, rows, cols=none, index=none", PlotBuiltins::subplot),
            new FigureMethod("line | plot", "self, x, y=none, label=none, color=none", PlotBuiltins::line),
            new FigureMethod("scatter", "self, x, y, color=none, label=none, c=none", a -> {
                double[] x = numbers(a, 1), y = numbers(a, 2);
                sameLength("x", x, "y", y);
                int colorAt = a.isNone(3) ? 5 : 3; // c= is matplotlib's name for per-point colours
                figure(a).axes().scatter(x, y, pointColors(a, colorAt, x.length), label(a, 4));
                return null;
            }),
            new FigureMethod("bar", "self, x, height, width=0.8, label=none, color=none", a -> bars(a, false)),
            new FigureMethod("barh", "self, y, width, height=0.8, label=none, color=none", a -> bars(a, true)),
            new FigureMethod("contour", "self, xx, yy, z, levels=none, color=none", PlotBuiltins::contour),
            new FigureMethod("title", "self, text", text(Axes::title)),
            new FigureMethod("xlabel", "self, text", text(Axes::xlabel)),
            new FigureMethod("ylabel", "self, text", text(Axes::ylabel)),
            new FigureMethod("legend", "self", a -> {
                figure(a).axes().legend();
                return null;
            }),
            new FigureMethod("save | savefig", "self, path", a -> save(a, figure(a), a.string(1))));

    static void register(BuiltinTable t) {
        t.define("figure", "width=640, height=480", a -> new Figure((int) a.integer(0), (int) a.integer(1)));
        t.define("plot", "history, metrics=none, to='plot.png', title=none", PlotBuiltins::plotHistory);
        t.constant("plt", pyplot(t));
    }

    static void registerMethods(MethodTable m) {
        for (FigureMethod f : FIGURE_METHODS) m.method(Figure.class, f.names(), f.params(), f.impl());
    }

    /** matplotlib.pyplot's spellings: the figure methods on the current figure, plus figure, show and close. */
    private static Namespace pyplot(BuiltinTable t) {
        Map<String, Object> members = new HashMap<>();
        for (FigureMethod f : FIGURE_METHODS) {
            String[] names = f.names().split("\\s*\\|\\s*");
            Builtin method = new Builtin(names[0], Signature.parse(names[0], f.params()), f.impl());
            for (String n : names) members.put(n, new OnCurrentFigure(method));
        }
        members.put("figure", new Builtin("figure", Signature.parse("figure", "figsize=none, dpi=100"), a -> {
            double dpi = a.number(1);
            double[] inches = a.isNone(0) ? new double[] {6.4, 4.8} : numbers(a, 0);
            if (inches.length != 2) throw a.wrong(0, "(width, height) in inches");
            Figure f = new Figure((int) Math.round(inches[0] * dpi), (int) Math.round(inches[1] * dpi));
            a.session().setFigure(f);
            return f;
        }));
        // pictures are files: show() cannot open a window, so like close() it ends the current figure
        Builtin close = new Builtin("close", Signature.parse("close", ""), a -> {
            a.session().setFigure(null);
            return null;
        });
        members.put("close", close);
        members.put("show", close);
        return new Namespace("plt", Map.of(), members, t);
    }

    /** A figure method called as {@code plt.<name>(...)}: the session's current figure is its receiver. */
    private record OnCurrentFigure(Builtin method) implements Callable {
        @Override
        public String name() { return "plt." + method.name(); }

        @Override
        public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
            List<Object> all = new ArrayList<>(positional.size() + 1);
            all.add(interpreter.session().figure());
            all.addAll(positional);
            return method.call(interpreter, all, named, span);
        }
    }

    private static Figure figure(Args a) {
        return (Figure) a.get(0);
    }

    /** A method that sets one text of the current subplot. */
    private static Builtin.Impl text(BiConsumer<Axes, String> set) {
        return a -> {
            set.accept(figure(a).axes(), a.string(1));
            return null;
        };
    }

    /** subplot(rows, cols, index), or matplotlib's three-digit short form: subplot(212) is subplot(2, 1, 2). */
    private static Object subplot(Args a) {
        if (a.isNone(2) && a.isNone(3)) {
            long digits = a.integer(1);
            if (digits < 111 || digits > 999) throw a.wrong(1, "three digits (rows, cols, index) when cols and index are left out");
            figure(a).subplot((int) digits / 100, (int) digits / 10 % 10, (int) digits % 10);
        } else {
            if (a.isNone(2) || a.isNone(3)) throw a.wrong(a.isNone(2) ? 2 : 3, "given with " + (a.isNone(2) ? "index" : "cols"));
            figure(a).subplot((int) a.integer(1), (int) a.integer(2), (int) a.integer(3));
        }
        return null;
    }

    /** Writes the figure to a PNG file the session may write, and gives back the path as the script wrote it. */
    private static String save(Args a, Figure f, String path) {
        f.save(a.session().files().writable(Path.of(path), a.span()));
        return path;
    }

    /**
     * line(x, y=none, ...): with y left out, x holds the values and they are drawn at 0, 1, 2, ...; a 2-D y is one
     * line per column, as in matplotlib.
     */
    private static Object line(Args a) {
        Tensor ys = Values.toNumpyArray(a.get(a.isNone(2) ? 1 : 2), null);
        if (ys.rank() > 2) throw a.wrong(a.isNone(2) ? 1 : 2, "1-D or 2-D values");
        int n = ys.rank() == 0 ? 1 : (int) ys.shape()[0];
        int columns = ys.rank() == 2 ? (int) ys.shape()[1] : 1;
        double[] x = new double[n];
        if (a.isNone(2)) {
            for (int i = 0; i < n; i++) x[i] = i;
        } else {
            x = numbers(a, 1);
        }
        double[] all = ys.doubles();
        sameLength("x", x, "y", n);
        Color color = a.isNone(4) ? null : Colors.named(a.string(4));
        String label = label(a, 3);
        for (int c = 0; c < columns; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = all[i * columns + c];
            figure(a).axes().line(x, y, c == 0 ? label : null, color);
        }
        return null;
    }

    /** bar(x, height, width=0.8, ...) and barh(y, width, height=0.8, ...): positions, lengths, thickness. */
    private static Object bars(Args a, boolean horizontal) {
        double[] at = numbers(a, 1), lengths = numbers(a, 2);
        sameLength(horizontal ? "y" : "x", at, horizontal ? "width" : "height", lengths);
        figure(a).axes().bars(at, lengths, a.number(3), horizontal, label(a, 4), a.isNone(5) ? null : Colors.named(a.string(5)));
        return null;
    }

    /**
     * contour(xx, yy, z, levels=[0.5]): z is a 2-D grid of values; xx and yy give each grid point's coordinates as
     * numpy's mgrid or meshgrid does, or are 1-D (one x per column, one y per row).
     */
    private static Object contour(Args a) {
        double[][] z = grid(a, 3);
        int rows = z.length, cols = z[0].length;
        double[][] x = coordinates(a, 1, rows, cols, false);
        double[][] y = coordinates(a, 2, rows, cols, true);
        double[] levels = a.isNone(4) ? new double[] {0.5} : numbers(a, 4);
        figure(a).axes().contour(x, y, z, levels, a.isNone(5) ? null : Colors.named(a.string(5)));
        return null;
    }

    private static double[][] coordinates(Args a, int i, int rows, int cols, boolean alongRows) {
        Tensor t = Values.toNumpyArray(a.get(i), null);
        if (t.rank() == 2) {
            double[][] g = grid(a, i);
            if (g.length != rows || g[0].length != cols) throw a.wrong(i, "a grid of z's shape [" + rows + ", " + cols + "]");
            return g;
        }
        double[] v = t.doubles();
        if (t.rank() != 1 || v.length != (alongRows ? rows : cols)) {
            throw a.wrong(i, "a grid of z's shape, or 1-D with one value per " + (alongRows ? "row" : "column") + " of z");
        }
        double[][] g = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) g[r][c] = v[alongRows ? r : c];
        }
        return g;
    }

    private static double[][] grid(Args a, int i) {
        Tensor t = Values.toNumpyArray(a.get(i), null);
        if (t.rank() != 2 || t.shape()[0] < 2 || t.shape()[1] < 2) throw a.wrong(i, "a 2-D grid of at least 2 by 2 values");
        int rows = (int) t.shape()[0], cols = (int) t.shape()[1];
        double[] flat = t.doubles();
        double[][] g = new double[rows][cols];
        for (int r = 0; r < rows; r++) System.arraycopy(flat, r * cols, g[r], 0, cols);
        return g;
    }

    /** plot(history, metrics=none, to='plot.png', title=none): one line per metric over the epochs, counted from 1. */
    private static Object plotHistory(Args a) {
        Figure figure = new Figure(Figure.WIDTH, Figure.HEIGHT);
        Axes axes = figure.axes();
        for (String metric : metricNames(a)) {
            double[] values, epochs;
            if (a.get(0) instanceof History h) {
                values = h.values(metric).stream().mapToDouble(Values::toDouble).toArray();
                epochs = h.epochsOf(metric).stream().mapToDouble(e -> e + 1).toArray();
            } else {
                NnlDict d = (NnlDict) a.get(0);
                if (!d.containsKey(metric)) throw new NnlError("the dict has no metric '" + metric + "'");
                values = Values.toNumpyArray(d.get(metric), null).doubles();
                epochs = IntStream.rangeClosed(1, values.length).asDoubleStream().toArray();
            }
            sameLength("the epochs", epochs, "'" + metric + "'", values.length);
            axes.line(epochs, values, metric, null);
        }
        axes.xlabel("epoch");
        axes.legend();
        if (!a.isNone(3)) axes.title(a.string(3));
        return save(a, figure, a.string(2));
    }

    /** The metrics to draw: the ones named (a name or a list of names), else all of the history or dict. */
    private static List<String> metricNames(Args a) {
        Object source = a.get(0);
        if (!(source instanceof History) && !(source instanceof NnlDict)) throw a.wrong(0, "the history fit returns, or a dict {name: list}");
        if (a.isNone(1)) {
            if (source instanceof History h) return h.metrics();
            List<String> names = new ArrayList<>();
            for (Object k : ((NnlDict) source).entries().keySet()) {
                if (!(k instanceof String name)) throw a.wrong(0, "a dict with metric names as keys");
                names.add(name);
            }
            return names;
        }
        if (a.get(1) instanceof String s) return List.of(s);
        List<Object> items = Values.sequence(a.get(1));
        if (items == null || !items.stream().allMatch(o -> o instanceof String)) throw a.wrong(1, "a metric name or a list of names");
        return items.stream().map(o -> (String) o).toList();
    }

    /**
     * Each point's colour for scatter: none (the next colour of the cycle), one colour name, or one entry per point,
     * colour names (the course's {@code ['red' if y else 'blue']}, nested lists too) or class values, each distinct
     * value in the cycle's colours in increasing order.
     */
    private static Color[] pointColors(Args a, int i, int n) {
        Object v = a.get(i);
        if (v == null) return null;
        Color[] out = new Color[n];
        if (v instanceof String s) {
            Arrays.fill(out, Colors.named(s));
            return out;
        }
        List<Object> leaves = new ArrayList<>();
        flatten(v, leaves);
        if (leaves.stream().anyMatch(o -> o instanceof String)) {
            if (leaves.size() != n || !leaves.stream().allMatch(o -> o instanceof String)) {
                throw a.wrong(i, "one colour name per point (" + n + ")");
            }
            for (int k = 0; k < n; k++) out[k] = Colors.named((String) leaves.get(k));
            return out;
        }
        double[] classes = numbers(a, i);
        if (classes.length != n) throw a.wrong(i, "one class value per point (" + n + "), got " + classes.length);
        List<Double> distinct = new ArrayList<>(new TreeSet<>(Arrays.stream(classes).boxed().toList()));
        for (int k = 0; k < n; k++) out[k] = Colors.cycle(distinct.indexOf(classes[k]));
        return out;
    }

    /** The leaves of nested lists; anything else is one leaf. */
    private static void flatten(Object v, List<Object> out) {
        List<Object> items = Values.sequence(v);
        if (items == null) out.add(v);
        else for (Object item : items) flatten(item, out);
    }

    private static double[] numbers(Args a, int i) {
        try {
            return Values.toNumpyArray(a.get(i), null).doubles();
        } catch (NnlError e) {
            throw a.wrong(i, "numbers (a list or a tensor)");
        }
    }

    private static String label(Args a, int i) {
        return a.isNone(i) ? null : a.string(i);
    }

    /** Values drawn against each other, one for one: as many of each, and some. */
    private static void sameLength(String first, double[] x, String second, double[] y) {
        sameLength(first, x, second, y.length);
    }

    private static void sameLength(String first, double[] x, String second, int n) {
        if (x.length != n) throw new NnlError(first + " has " + x.length + " values but " + second + " has " + n);
        if (n == 0) throw new NnlError("nothing to draw: " + first + " and " + second + " have no values");
    }
}
