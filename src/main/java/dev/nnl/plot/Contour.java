package dev.nnl.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The level curve of a function sampled on a grid, by marching squares: each cell whose corners lie on both sides of
 * the level contributes one segment (two at a saddle) between points interpolated linearly along its edges. The grid
 * is given as three equally shaped arrays (numpy's mgrid or meshgrid output and the values), so the cells may be
 * laid out along either axis.
 */
public final class Contour {
    /** One piece of the curve, from (x1, y1) to (x2, y2). */
    public record Segment(double x1, double y1, double x2, double y2) {}

    private final double[][] x;
    private final double[][] y;
    private final double[][] z;

    public Contour(double[][] x, double[][] y, double[][] z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    public List<Segment> segments(double level) {
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i + 1 < z.length; i++) {
            for (int j = 0; j + 1 < z[i].length; j++) cell(i, j, level, out);
        }
        return out;
    }

    /** The cell whose corners, in order around it, are (i, j), (i, j+1), (i+1, j+1), (i+1, j). */
    private void cell(int i, int j, double level, List<Segment> out) {
        int[] rows = {i, i, i + 1, i + 1};
        int[] cols = {j, j + 1, j + 1, j};
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            v[k] = z[rows[k]][cols[k]];
            if (Double.isNaN(v[k])) return; // a hole in the data: no curve through it
        }
        // edge k runs from corner k to corner k+1; the curve crosses it where one end is above the level and one not
        double[][] cross = new double[4][];
        int crossings = 0;
        for (int k = 0; k < 4; k++) {
            int a = k, b = (k + 1) % 4;
            if ((v[a] > level) == (v[b] > level)) continue;
            double t = (level - v[a]) / (v[b] - v[a]);
            cross[k] = new double[] {
                x[rows[a]][cols[a]] + t * (x[rows[b]][cols[b]] - x[rows[a]][cols[a]]),
                y[rows[a]][cols[a]] + t * (y[rows[b]][cols[b]] - y[rows[a]][cols[a]]),
            };
            crossings++;
        }
        if (crossings == 2) {
            int first = -1;
            for (int k = 0; k < 4; k++) {
                if (cross[k] == null) continue;
                if (first < 0) first = k;
                else out.add(segment(cross[first], cross[k]));
            }
        } else if (crossings == 4) {
            // a saddle: the mean of the corners tells whether corners 0 and 2 are joined through the middle
            boolean middleAbove = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
            if (middleAbove == (v[0] > level)) {
                out.add(segment(cross[0], cross[1])); // cuts off corner 1
                out.add(segment(cross[2], cross[3])); // cuts off corner 3
            } else {
                out.add(segment(cross[3], cross[0])); // cuts off corner 0
                out.add(segment(cross[1], cross[2])); // cuts off corner 2
            }
        }
    }

    private static Segment segment(double[] p, double[] q) {
        return new Segment(p[0], p[1], q[0], q[1]);
    }
}
