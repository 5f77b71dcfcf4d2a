package dev.nnl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.XYStyler;

/**
 * What makes a chart look like matplotlib's defaults at 100 dpi: white, a black frame around the data, outward ticks,
 * no grid, DejaVu Sans at 10 pt (14 px) with 12 pt titles, 1.5 pt lines and a framed legend.
 */
final class MatplotlibStyle {
    static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    /** Contours are drawn segment by segment: round ends join them without gaps. */
    static final BasicStroke CONTOUR = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final int MARKER = 8;

    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 17);

    private MatplotlibStyle() {}

    static void apply(XYStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(12);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Color.BLACK);
        s.setPlotGridLinesVisible(false);
        s.setPlotTicksMarksVisible(false);
        // the axes' limits already hold matplotlib's 5% margins: they are the frame's edges
        s.setPlotMargin(0);
        s.setPlotContentSize(1.0);
        s.setAxisTitleFont(TEXT);
        s.setAxisTickLabelsFont(TEXT);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setAxisTickMarksColor(Color.BLACK);
        s.setAxisTickMarksStroke(new BasicStroke(1f));
        s.setAxisTickMarkLength(5);
        s.setAxisTicksLineVisible(false);
        s.setAxisTickPadding(4);
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setLegendVisible(false);
        s.setLegendFont(TEXT);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendPadding(8);
        s.setLegendSeriesLineLength(28);
        s.setMarkerSize(MARKER);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
    }
}
