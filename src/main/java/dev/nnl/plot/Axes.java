package dev.nnl.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One subplot: its series, title and axis labels, drawn as an XChart XY chart. Like matplotlib, series without a
 * colour take the next one of the default cycle, the limits are the data's widened by 5% (but not past a bar's base
 * or a contour's grid), and the legend goes to the corner that hides the least data.
 */
public final class Axes {
    private static final double MARGIN = 0.05;
    /** matplotlib's "best" legend locations, in the order it tries them. */
    private static final LegendPosition[] CORNERS = {
        LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSW, LegendPosition.InsideSE,
    };

    private final XYChart chart = new XYChart(Figure.WIDTH, Figure.HEIGHT); // painting gives it the subplot's size
    /** Values the limits take in but do not widen past: a bar's base, a contour's grid edges. */
    private final List<Double> stickyX = new ArrayList<>();
    private final List<Double> stickyY = new ArrayList<>();
    private final TickLabels xTicks = new TickLabels();
    private final TickLabels yTicks = new TickLabels();
    private int nextColor;
    private int unnamed;

    Axes() {
        MatplotlibStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisTickLabelsFormattingFunction(xTicks);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(yTicks);
    }

    /** A line through the points, in order. */
    public void line(double[] x, double[] y, String label, Color color) {
        XYSeries s = series(label, x, y, XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(MatplotlibStyle.LINE);
        s.setLineColor(color == null ? Colors.cycle(nextColor++) : color);
    }

    /**
     * Points, each of its own colour ({@code colors} null: all in the next colour of the cycle); the label goes with
     * the first colour.
     */
    public void scatter(double[] x, double[] y, Color[] colors, String label) {
        Color single = colors == null ? Colors.cycle(nextColor++) : null;
        Map<Color, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) groups.computeIfAbsent(single != null ? single : colors[i], c -> new ArrayList<>()).add(i);
        for (Map.Entry<Color, List<Integer>> g : groups.entrySet()) {
            List<Integer> at = g.getValue();
            XYSeries s = series(label, at.stream().mapToDouble(i -> x[i]).toArray(), at.stream().mapToDouble(i -> y[i]).toArray(),
                    XYSeriesRenderStyle.Scatter);
            label = null;
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(g.getKey());
        }
    }

    /**
     * Bars centred at {@code at}, each {@code thickness} wide, growing from 0 by {@code lengths}: upwards, or to
     * the right when horizontal. All bars of one call are one filled series, rectangles separated by gaps (NaN).
     */
    public void bars(double[] at, double[] lengths, double thickness, boolean horizontal, String label, Color color) {
        int n = at.length;
        double[] across = new double[5 * n];
        double[] along = new double[5 * n];
        for (int i = 0; i < n; i++) {
            double lo = at[i] - thickness / 2, hi = at[i] + thickness / 2;
            double[] a = {lo, lo, hi, hi, Double.NaN};
            double[] b = {0, lengths[i], lengths[i], 0, Double.NaN};
            System.arraycopy(a, 0, across, 5 * i, 5);
            System.arraycopy(b, 0, along, 5 * i, 5);
        }
        XYSeries s = horizontal ? series(label, along, across, XYSeriesRenderStyle.PolygonArea)
                : series(label, across, along, XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.NONE);
        Color fill = color == null ? Colors.cycle(nextColor++) : color;
        s.setFillColor(fill);
        s.setLineColor(fill); // the legend outlines the bar's swatch in it
        (horizontal ? stickyX : stickyY).add(0.0);
    }

    /** The level curves of a gridded function, one series per level (black unless a colour is given). */
    public void contour(double[][] x, double[][] y, double[][] z, double[] levels, Color color) {
        Contour contour = new Contour(x, y, z);
        for (double level : levels) {
            List<Contour.Segment> segments = contour.segments(level);
            double[] xs = new double[3 * segments.size()];
            double[] ys = new double[3 * segments.size()];
            for (int i = 0; i < segments.size(); i++) {
                Contour.Segment g = segments.get(i);
                double[] px = {g.x1(), g.x2(), Double.NaN};
                double[] py = {g.y1(), g.y2(), Double.NaN};
                System.arraycopy(px, 0, xs, 3 * i, 3);
                System.arraycopy(py, 0, ys, 3 * i, 3);
            }
            if (segments.isEmpty()) continue; // the level is out of the data's range
            XYSeries s = series(null, xs, ys, XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(MatplotlibStyle.CONTOUR);
            s.setLineColor(color == null ? Color.BLACK : color);
        }
        double[] xr = range(x), yr = range(y);
        stickyX.addAll(List.of(xr[0], xr[1]));
        stickyY.addAll(List.of(yr[0], yr[1]));
    }

    public void title(String text) { chart.setTitle(text); }

    public void xlabel(String text) { chart.setXAxisTitle(text); }

    public void ylabel(String text) { chart.setYAxisTitle(text); }

    /** Shows the labelled series in a legend, as matplotlib's legend() does. */
    public void legend() { chart.getStyler().setLegendVisible(true); }

    /** Draws the subplot into a {@code width} × {@code height} area at the graphics' origin. */
    void paint(Graphics2D g, int width, int height) {
        double[][] points = points();
        double[] x = limits(points[0], stickyX), y = limits(points[1], stickyY);
        XYStyler styler = chart.getStyler();
        styler.setXAxisMin(x[0]);
        styler.setXAxisMax(x[1]);
        styler.setYAxisMin(y[0]);
        styler.setYAxisMax(y[1]);
        styler.setLegendPosition(bestCorner(g, width, height, points, x, y));
        // each paint covers the whole area; the labels settle by the second (see TickLabels), rarely the third
        xTicks.start();
        yTicks.start();
        for (int pass = 0; pass < 3; pass++) {
            chart.paint(g, width, height);
            if (xTicks.settle() & yTicks.settle()) break;
        }
    }

    private XYSeries series(String label, double[] x, double[] y, XYSeriesRenderStyle style) {
        String name = label;
        for (int copy = 2; name != null && chart.getSeries(name) != null; copy++) name = label + " (" + copy + ")";
        XYSeries s = chart.addSeries(name == null ? "_nolegend_" + unnamed++ : name, x, y);
        s.setXYSeriesRenderStyle(style);
        s.setShowInLegend(label != null);
        return s;
    }

    /**
     * The data as points (x values, y values), sampled along lines too so that the legend avoids the lines between
     * points; gaps (NaN) are left out.
     */
    private double[][] points() {
        List<double[]> out = new ArrayList<>();
        for (XYSeries s : chart.getSeriesCollection()) {
            double[] x = s.getXData(), y = s.getYData();
            boolean joined = s.getXYSeriesRenderStyle().orElse(null) != XYSeriesRenderStyle.Scatter;
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
                out.add(new double[] {x[i], y[i]});
                if (!joined || i + 1 == x.length || Double.isNaN(x[i + 1]) || Double.isNaN(y[i + 1])) continue;
                for (int k = 1; k < 8; k++) out.add(new double[] {x[i] + k * (x[i + 1] - x[i]) / 8, y[i] + k * (y[i + 1] - y[i]) / 8});
            }
        }
        double[][] xy = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            xy[0][i] = out.get(i)[0];
            xy[1][i] = out.get(i)[1];
        }
        return xy;
    }

    /**
     * The range of the data and the sticky values, widened by 5% on each side but not past a sticky value; 0..1
     * with neither.
     */
    private static double[] limits(double[] values, List<Double> sticky) {
        double[] r = range(new double[][] {values, sticky.stream().mapToDouble(Double::doubleValue).toArray()});
        if (r[0] > r[1]) return new double[] {0, 1};
        double pad = r[1] > r[0] ? (r[1] - r[0]) * MARGIN : Math.max(Math.abs(r[0]) * MARGIN, MARGIN);
        double lo = r[0] - pad, hi = r[1] + pad;
        for (double s : sticky) {
            if (s > lo && s <= r[0]) lo = s;
            if (s < hi && s >= r[1]) hi = s;
        }
        // XChart draws only the ticks strictly inside the limits; a hair more keeps one at a sticky edge (0 under bars)
        double hair = (hi - lo) * 1e-6;
        return new double[] {lo - hair, hi + hair};
    }

    /** The smallest and largest value, leaving out NaN. */
    private static double[] range(double[][] values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * The corner where the legend hides the fewest points. Its size, as a fraction of the plot, is estimated from
     * the labels' widths and count in a plot about the area less room for the tick labels.
     */
    private LegendPosition bestCorner(Graphics2D g, int width, int height, double[][] points, double[] x, double[] y) {
        FontMetrics metrics = g.getFontMetrics(chart.getStyler().getLegendFont());
        int entries = 0, widest = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            if (!s.isShowInLegend()) continue;
            entries++;
            widest = Math.max(widest, metrics.stringWidth(s.getName()));
        }
        double w = (widest + 60.0) / Math.max(1, width - 80), h = (entries * (metrics.getHeight() + 8) + 16.0) / Math.max(1, height - 70);
        int[] counts = new int[CORNERS.length];
        for (int i = 0; i < points[0].length; i++) {
            double u = (points[0][i] - x[0]) / (x[1] - x[0]);
            double v = (points[1][i] - y[0]) / (y[1] - y[0]);
            boolean right = u > 1 - w, left = u < w, top = v > 1 - h, bottom = v < h;
            if (top && right) counts[0]++;
            if (top && left) counts[1]++;
            if (bottom && left) counts[2]++;
            if (bottom && right) counts[3]++;
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) if (counts[k] < counts[best]) best = k;
        return CORNERS[best];
    }
}
