package dev.nnl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.Nnl;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of chart, drawn by a script into a PNG: the file decodes at the size asked for, and the drawing is where
 * the data says, found through the plot's frame (the black rectangle whose edges are the axes' limits).
 */
class FigureTest {
    private static final Color BLUE = new Color(0x1f77b4);
    private static final Color ORANGE = new Color(0xff7f0e);

    @TempDir
    Path dir;

    @Test
    void theContourOfXSquaredPlusYSquaredAtOneIsACircleAroundAnEmptyCentre() throws IOException {
        BufferedImage image = draw("""
                xx, yy = meshgrid(linspace(-2.0, 2.0, 81), linspace(-2.0, 2.0, 81))
                f = figure(400, 400)
                f.contour(xx, yy, xx * xx + yy * yy, levels=[1])
                f.save(DIR + "/circle.png")
                """, "circle.png", 400, 400);
        // a contour alone: the limits are the grid's, -2..2, so the unit circle spans the middle half of the frame
        Rectangle frame = frame(image);
        double cx = frame.getCenterX(), cy = frame.getCenterY(), rx = frame.width / 4.0, ry = frame.height / 4.0;
        for (int k = 0; k < 16; k++) {
            double a = 2 * Math.PI * k / 16;
            assertTrue(darkNear(image, cx + rx * Math.cos(a), cy + ry * Math.sin(a)), "the circle at " + k * 360 / 16 + "°");
            assertFalse(darkNear(image, cx + rx / 2 * Math.cos(a), cy + ry / 2 * Math.sin(a)), "inside at " + k * 360 / 16 + "°");
            assertFalse(darkNear(image, cx + rx * 1.5 * Math.cos(a), cy + ry * 1.5 * Math.sin(a)), "outside at " + k * 360 / 16 + "°");
        }
        assertFalse(darkNear(image, cx, cy), "the centre");
    }

    @Test
    void aLineRisesFromLowerLeftToUpperRightInTheFirstColour() throws IOException {
        BufferedImage image = draw("""
                f = figure(500, 300)
                f.line([0, 1, 2, 3], [0, 1, 2, 3])
                f.save(DIR + "/line.png")
                """, "line.png", 500, 300);
        Rectangle frame = frame(image);
        // limits: the data widened by 5% each side, so 0 is 1/22 of the way in and 3 is 21/22
        assertTrue(colourNear(image, BLUE, frame.x + frame.width / 22.0, frame.y + frame.height * 21 / 22.0), "start");
        assertTrue(colourNear(image, BLUE, frame.getCenterX(), frame.getCenterY()), "middle");
        assertTrue(colourNear(image, BLUE, frame.x + frame.width * 21 / 22.0, frame.y + frame.height / 22.0), "end");
        assertFalse(colourNear(image, BLUE, frame.x + frame.width / 22.0, frame.y + frame.height / 22.0), "upper left");
    }

    @Test
    void scatterColoursEachPointByItsClass() throws IOException {
        BufferedImage image = draw("""
                f = figure(400, 300)
                f.scatter([0, 1], [0, 1], color=[1, 0])
                f.save(DIR + "/points.png")
                """, "points.png", 400, 300);
        Rectangle frame = frame(image);
        // two classes take the first two colours of the cycle in increasing order: 0 blue, 1 orange
        assertTrue(colourNear(image, ORANGE, frame.x + frame.width / 22.0, frame.y + frame.height * 21 / 22.0), "the point of class 1");
        assertTrue(colourNear(image, BLUE, frame.x + frame.width * 21 / 22.0, frame.y + frame.height / 22.0), "the point of class 0");
    }

    @Test
    void barsStandOnTheFrameAndHorizontalBarsStartAtItsLeftEdge() throws IOException {
        BufferedImage image = draw("""
                f = figure(600, 300)
                f.subplot(1, 2, 1)
                f.bar([1, 2], [2, 4], color="red")
                f.subplot(1, 2, 2)
                f.barh([1, 2], [2, 4], color="green")
                f.save(DIR + "/bars.png")
                """, "bars.png", 600, 300);
        Rectangle left = frame(image.getSubimage(0, 0, 300, 300));
        // x from 0.6 - 0.09 to 2.4 + 0.09, y from 0 (the bars' base, no margin below it) to 4 + 0.2
        double x2 = left.x + (2 - 0.51) / 1.98 * left.width;
        assertTrue(colourNear(image, Color.RED, x2, left.y + left.height * 0.9), "bar 2 at its base");
        assertTrue(colourNear(image, Color.RED, x2, left.y + left.height * 0.1), "bar 2 near its top");
        double x1 = left.x + (1 - 0.51) / 1.98 * left.width;
        assertTrue(colourNear(image, Color.RED, x1, left.y + left.height * 0.9), "bar 1 at its base");
        assertFalse(colourNear(image, Color.RED, x1, left.y + left.height * 0.1), "above bar 1");
        Rectangle right = frame(image.getSubimage(300, 0, 300, 300));
        Color green = new Color(0x008000);
        double y2 = right.y + right.height - (2 - 0.51) / 1.98 * right.height;
        assertTrue(colourNear(image, green, 300 + right.x + right.width * 0.1, y2), "bar 2 at its base");
        assertTrue(colourNear(image, green, 300 + right.x + right.width * 0.9, y2), "bar 2 near its end");
    }

    @Test
    void aHistoryPlotHasOneLinePerMetricAndALegend() throws IOException {
        BufferedImage image = draw("""
                plot({"loss": [1.0, 0.5, 0.25], "val_loss": [1.2, 0.8, 0.6]}, ["loss", "val_loss"], to=DIR + "/loss.png", title="Loss")
                """, "loss.png", 640, 480);
        assertTrue(count(image, BLUE) > 200, "the loss line");
        assertTrue(count(image, ORANGE) > 200, "the val_loss line");
    }

    @Test
    void theCurrentFigureOfPltIsSavedAtMatplotlibsSize() throws IOException {
        BufferedImage image = draw("""
                plt.plot([5, 4, 3, 2])
                plt.title("plt")
                plt.savefig(DIR + "/plt.png")
                plt.close()
                """, "plt.png", 640, 480);
        assertTrue(count(image, BLUE) > 200, "the line");
    }

    private BufferedImage draw(String script, String file, int width, int height) throws IOException {
        try (Nnl nnl = Nnl.builder().fileAccess(dir).build()) {
            nnl.set("DIR", dir.toString());
            nnl.eval(script);
        }
        Path png = dir.resolve(file);
        assertTrue(Files.size(png) > 0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        return image;
    }

    /**
     * The plot's frame: its right edge is the first dark pixel from the right in the middle row; going down just
     * inside it meets the top and then the bottom edge, and going left just below the top meets the left edge.
     */
    private static Rectangle frame(BufferedImage image) {
        int right = image.getWidth() - 1;
        while (!dark(image, right, image.getHeight() / 2)) right--;
        int column = right - 3, top = 0;
        while (!dark(image, column, top)) top++;
        int bottom = top + 1;
        while (dark(image, column, bottom)) bottom++;
        while (!dark(image, column, bottom)) bottom++;
        int row = top + 3, left = right - 1;
        while (dark(image, left, row)) left--;
        while (!dark(image, left, row)) left--;
        return new Rectangle(left, top, right - left, bottom - top);
    }

    private static boolean dark(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        return c.getRed() + c.getGreen() + c.getBlue() < 3 * 128;
    }

    private static boolean darkNear(BufferedImage image, double x, double y) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) if (dark(image, (int) Math.round(x) + dx, (int) Math.round(y) + dy)) return true;
        }
        return false;
    }

    private static boolean colourNear(BufferedImage image, Color colour, double x, double y) {
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) if (close(image.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy), colour)) return true;
        }
        return false;
    }

    private static int count(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if (close(image.getRGB(x, y), colour)) n++;
        }
        return n;
    }

    private static boolean close(int rgb, Color colour) {
        Color c = new Color(rgb);
        return Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                + Math.abs(c.getBlue() - colour.getBlue()) < 30;
    }
}
