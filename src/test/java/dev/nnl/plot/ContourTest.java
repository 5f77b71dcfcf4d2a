package dev.nnl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/** Marching squares: the level curve's pieces lie on the curve and join up, whichever way the grid is laid out. */
class ContourTest {
    /** A grid as numpy's mgrid gives it: x changes down the rows, y along them. */
    private static Contour mgrid(double lo, double hi, int n, DoubleBinaryOperator f) {
        double[][] x = new double[n][n], y = new double[n][n], z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = lo + (hi - lo) * i / (n - 1);
                y[i][j] = lo + (hi - lo) * j / (n - 1);
                z[i][j] = f.applyAsDouble(x[i][j], y[i][j]);
            }
        }
        return new Contour(x, y, z);
    }

    @Test
    void theLevelOneCurveOfXSquaredPlusYSquaredIsTheUnitCircle() {
        List<Contour.Segment> segments = mgrid(-2, 2, 81, (x, y) -> x * x + y * y).segments(1);
        double length = 0;
        for (Contour.Segment s : segments) {
            // linear interpolation of a quadratic on a 0.05 grid is off by well under a hundredth
            assertEquals(1, Math.hypot(s.x1(), s.y1()), 0.005);
            assertEquals(1, Math.hypot(s.x2(), s.y2()), 0.005);
            length += Math.hypot(s.x2() - s.x1(), s.y2() - s.y1());
        }
        assertEquals(2 * Math.PI, length, 0.01);
    }

    @Test
    void theCurveIsClosedEveryEndMeetsAnother() {
        // 40 points: no grid point lies exactly on the circle, where pieces would meet in a point
        List<Contour.Segment> segments = mgrid(-2, 2, 40, (x, y) -> x * x + y * y).segments(1);
        for (Contour.Segment s : segments) {
            long meetings = segments.stream().filter(o -> o != s && (near(o.x1(), o.y1(), s.x2(), s.y2()) || near(o.x2(), o.y2(), s.x2(), s.y2()))).count();
            assertEquals(1, meetings, "the end of " + s);
        }
    }

    @Test
    void aDecisionBoundaryBetweenZeroAndOneLiesHalfway() {
        // probabilities that are 1 up to x = 0.3 and 0 from x = 0.4: the 0.5 curve is the vertical line halfway
        List<Contour.Segment> segments = mgrid(-1, 1, 21, (x, y) -> x < 0.35 ? 1 : 0).segments(0.5);
        assertEquals(20, segments.size());
        for (Contour.Segment s : segments) {
            assertEquals(0.35, s.x1(), 1e-9);
            assertEquals(0.35, s.x2(), 1e-9);
        }
    }

    @Test
    void aSaddleCellIsSplitByTheValueAtItsMiddle() {
        // corners in order around the cell: (0,0), (1,0), (1,1), (0,1)
        double[][] x = {{0, 1}, {0, 1}}, y = {{0, 0}, {1, 1}};
        // (0,0) and (1,1) high, the middle (mean 0.55) high too: the high corners join, the low ones are cut off
        List<Contour.Segment> high = new Contour(x, y, new double[][] {{1, 0}, {0.2, 1}}).segments(0.5);
        assertSegments(List.of(new Contour.Segment(0.5, 0, 1, 0.5), new Contour.Segment(0.375, 1, 0, 0.625)), high);
        // the middle (mean 0.4) low: the high corners are cut off
        List<Contour.Segment> low = new Contour(x, y, new double[][] {{1, 0}, {0, 0.6}}).segments(0.5);
        assertSegments(List.of(new Contour.Segment(0, 0.5, 0.5, 0), new Contour.Segment(1, 5.0 / 6, 5.0 / 6, 1)), low);
    }

    private static void assertSegments(List<Contour.Segment> expected, List<Contour.Segment> actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            Contour.Segment e = expected.get(i), a = actual.get(i);
            assertTrue(near(e.x1(), e.y1(), a.x1(), a.y1()) && near(e.x2(), e.y2(), a.x2(), a.y2()), e + " vs " + a);
        }
    }

    @Test
    void levelsOutsideTheDataAndHolesGiveNothing() {
        assertTrue(mgrid(-1, 1, 5, (x, y) -> x + y).segments(10).isEmpty());
        assertTrue(mgrid(-1, 1, 5, (x, y) -> Double.NaN).segments(0).isEmpty());
    }

    private static boolean near(double ax, double ay, double bx, double by) {
        return Math.abs(ax - bx) < 1e-9 && Math.abs(ay - by) < 1e-9;
    }
}
