package dev.nnl.plot;

import dev.nnl.interp.NnlError;
import dev.nnl.io.AtomicFile;
import dev.nnl.io.FileErrors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A picture of one or more subplots, saved as PNG. As in matplotlib, {@code subplot(rows, cols, index)} divides
 * the figure into a grid and selects the cell {@code index} (from 1, row by row) as the current axes, making it on
 * first use; grids of different sizes may share a figure ({@code subplot(2, 2, 1)} with {@code subplot(2, 1, 2)}).
 */
public final class Figure {
    /** matplotlib's default size, 6.4 × 4.8 inches at 100 dpi. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    private static final int MAX_SIDE = 10_000;

    /** A cell of a subplot grid. */
    private record Cell(int rows, int cols, int index) {}

    private final int width;
    private final int height;
    private final Map<Cell, Axes> axes = new LinkedHashMap<>();
    private Axes current;

    public Figure(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new NnlError("a figure is 1 to " + MAX_SIDE + " pixels wide and high, not " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    public void subplot(int rows, int cols, int index) {
        String call = "subplot(" + rows + ", " + cols + ", " + index + ")";
        if (rows < 1 || cols < 1) throw new NnlError(call + ": rows and cols must be positive");
        if (index < 1 || index > rows * cols) throw new NnlError(call + ": the index must be 1 to " + rows * cols + " (rows x cols)");
        current = axes.computeIfAbsent(new Cell(rows, cols, index), c -> new Axes());
    }

    /** The current axes; a figure without subplots has one that fills it. */
    public Axes axes() {
        if (current == null) subplot(1, 1, 1);
        return current;
    }

    public BufferedImage render() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            if (axes.isEmpty()) axes(); // an empty figure still shows its axes, as matplotlib's does
            for (Map.Entry<Cell, Axes> e : axes.entrySet()) {
                Cell c = e.getKey();
                int col = (c.index() - 1) % c.cols(), row = (c.index() - 1) / c.cols();
                int x0 = col * width / c.cols(), x1 = (col + 1) * width / c.cols();
                int y0 = row * height / c.rows(), y1 = (row + 1) * height / c.rows();
                Graphics2D cell = (Graphics2D) g.create(x0, y0, x1 - x0, y1 - y0);
                try {
                    e.getValue().paint(cell, x1 - x0, y1 - y0);
                } finally {
                    cell.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the picture as PNG, replacing the file atomically (its directories are made). */
    public void save(Path file) {
        BufferedImage image = render();
        try {
            AtomicFile.write(file, out -> ImageIO.write(image, "png", out));
        } catch (IOException e) {
            throw FileErrors.cannotWrite(file, e);
        }
    }

    @Override
    public String toString() {
        return "<figure " + width + "x" + height + " with " + axes.size() + " subplot" + (axes.size() == 1 ? "" : "s") + ">";
    }
}
