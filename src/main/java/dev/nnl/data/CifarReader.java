package dev.nnl.data;

import dev.nnl.interp.NnlError;
import dev.nnl.io.FileErrors;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads CIFAR-10's binary batches (data_batch_1.bin ... test_batch.bin): records of one label byte (0-9) and 3072
 * pixel bytes, the 32x32 red plane, then green, then blue, each row by row. The images come out as Keras gives them,
 * uint8 [N, 32, 32, 3] (channels last), the labels uint8 [N, 1]. A file that is not a whole number of records, or a
 * label above 9, is an error naming the file: a damaged download never becomes a wrong array.
 */
public final class CifarReader {
    static final int SIDE = 32;
    static final int PIXELS = SIDE * SIDE * 3;
    static final int RECORD = 1 + PIXELS;

    private CifarReader() {}

    /** Images and labels of the records of all files, in order. */
    public record Batch(Tensor images, Tensor labels) {}

    public static Batch read(List<Path> files) {
        long records = 0;
        for (Path f : files) records += records(f, size(f));
        byte[] images = new byte[Math.toIntExact(records * PIXELS)];
        byte[] labels = new byte[(int) records];
        int n = 0;
        for (Path f : files) {
            byte[] bytes = bytes(f);
            for (int r = 0; r < records(f, bytes.length); r++, n++) {
                int at = r * RECORD;
                if ((bytes[at] & 0xFF) > 9) {
                    throw bad(f, "record " + r + " has label " + (bytes[at] & 0xFF) + ", but the labels are 0-9");
                }
                labels[n] = bytes[at];
                // planes (channel, row, column) to channels last (row, column, channel)
                for (int c = 0; c < 3; c++) {
                    for (int p = 0; p < SIDE * SIDE; p++) images[n * PIXELS + p * 3 + c] = bytes[at + 1 + c * SIDE * SIDE + p];
                }
            }
        }
        return new Batch(Tensor.ofUint8(new long[] {records, SIDE, SIDE, 3}, images), Tensor.ofUint8(new long[] {records, 1}, labels));
    }

    /** The number of records of a file of {@code size} bytes, which must be a whole positive number. */
    private static int records(Path file, long size) {
        if (size == 0 || size % RECORD != 0) {
            throw bad(file, size + " bytes is not a whole number of " + RECORD
                    + "-byte records (a label byte and 32x32x3 pixels): the file is truncated or not a CIFAR-10 binary batch");
        }
        return Math.toIntExact(size / RECORD);
    }

    private static NnlError bad(Path file, String what) {
        return new NnlError("not a valid CIFAR-10 batch: " + file + ": " + what);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
    }
}
