package dev.nnl.data;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlTuple;
import dev.nnl.io.FileErrors;
import dev.nnl.io.Images;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The course's self-made data set: a labels file with one line {@code <picture file> <label>} per example, the
 * pictures in a directory. Gives {@code (x, y)}: the pictures stacked, uint8 [N, H, W] (or [N, H, W, C]), and the
 * labels, int64 [N] (the course's {@code astype(np.int64)}). Every picture must come out the same size.
 */
public final class ImageFolder {
    private ImageFolder() {}

    /**
     * {@code readable} is the session's permission check for each picture, {@code prepare} what to do to each one
     * after decoding (grayscale, resize).
     */
    public static NnlTuple read(Path dir, Path labelsFile, UnaryOperator<Path> readable, UnaryOperator<Tensor> prepare) {
        List<String> lines;
        try {
            lines = Files.readAllLines(labelsFile);
        } catch (IOException e) {
            throw FileErrors.cannotRead(labelsFile, e);
        }
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Long> labels = new ArrayList<>();
        long[] shape = null;
        Path first = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !parts[1].matches("[+-]?\\d{1,18}")) {
                throw new NnlError(labelsFile + ":" + (i + 1) + ": expected '<picture file> <integer label>', got '" + line + "'");
            }
            Path picture = dir.resolve(parts[0]);
            Tensor image = prepare.apply(Images.read(readable.apply(picture)));
            if (shape == null) {
                shape = image.shape();
                first = picture;
            } else if (!Arrays.equals(shape, image.shape())) {
                throw new NnlError("the pictures differ in size: " + picture + " is " + Shapes.show(image.shape()) + ", "
                        + first + " is " + Shapes.show(shape), "give image_folder a size=(height, width) to resize them all");
            }
            pixels.writeBytes(image.bytes());
            labels.add(Long.parseLong(parts[1]));
        }
        if (shape == null) throw new NnlError(labelsFile + " lists no pictures");
        long[] stacked = new long[shape.length + 1];
        stacked[0] = labels.size();
        System.arraycopy(shape, 0, stacked, 1, shape.length);
        return NnlTuple.of(Tensor.ofUint8(stacked, pixels.toByteArray()),
                Tensor.ofLongs(new long[] {labels.size()}, labels.stream().mapToLong(Long::longValue).toArray(), DType.INT64));
    }
}
