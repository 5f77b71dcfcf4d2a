package dev.nnl.io;

import dev.nnl.interp.NnlError;
import dev.nnl.ir.Variable;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The checkpoint file of save_variables / restore_variables (TF1's Saver), format {@value #FORMAT} version
 * {@value #VERSION}. One file, written atomically (see {@link AtomicFile}):
 *
 * <pre>
 * nnl-checkpoint 1\n                      format name and version
 * variables N\n                           how many variables follow
 * NAME\tDTYPE\tSHAPE\n                    N times: UTF-8 name, dtype (float32, int32, ...), shape ([784, 500], [] for a scalar)
 * N arrays in numpy .npy encoding         in manifest order (see {@link Npy})
 * end XXXXXXXX\n                          CRC-32 of every byte before this line, 8 lowercase hex digits
 * </pre>
 *
 * The version comes first so a reader can refuse another version before parsing it; the trailing checksum makes a
 * truncated or damaged file an error instead of wrong weights. Restoring checks every name, dtype and shape before
 * writing any variable, so a failed restore changes nothing.
 */
public final class Checkpoint {
    public static final String FORMAT = "nnl-checkpoint";
    public static final int VERSION = 1;
    private static final Pattern TRAILER = Pattern.compile("end ([0-9a-f]{8})\n");
    private static final int TRAILER_LENGTH = "end 00000000\n".length();

    private Checkpoint() {}

    /** Saves the variables under the given names (the keys), replacing the file atomically. */
    public static void save(Path file, Map<String, Variable> variables) {
        for (String name : variables.keySet()) {
            if (name.isEmpty() || name.contains("\t") || name.contains("\n")) {
                throw new NnlError("cannot save a variable under the name '" + name
                        + "': checkpoint names must be non-empty, without tabs or line breaks");
            }
        }
        try {
            AtomicFile.write(file, out -> encode(out, variables));
        } catch (IOException e) {
            throw new NnlError("cannot write checkpoint " + file + ": " + e.getMessage());
        }
    }

    private static void encode(OutputStream file, Map<String, Variable> variables) throws IOException {
        CheckedOutputStream out = new CheckedOutputStream(file, new CRC32());
        Map<String, Tensor> values = new LinkedHashMap<>();
        variables.forEach((name, v) -> values.put(name, v.snapshot()));
        StringBuilder manifest = new StringBuilder(FORMAT + " " + VERSION + "\nvariables " + values.size() + "\n");
        values.forEach((name, t) -> manifest.append(name).append('\t').append(t.dtype()).append('\t')
                .append(Shapes.show(t.shape())).append('\n'));
        out.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
        for (Tensor t : values.values()) Npy.write(out, t);
        file.write(String.format("end %08x\n", out.getChecksum().getValue()).getBytes(StandardCharsets.US_ASCII));
    }

    /** Restores the variables from the entries with the given names (the keys); other entries are ignored. */
    public static void restore(Path file, Map<String, Variable> variables) {
        Map<String, Tensor> saved = read(file);
        variables.forEach((name, v) -> {
            Tensor t = saved.get(name);
            String which = name.equals(v.name()) ? "'" + name + "'" : "'" + v.name() + "' (saved as '" + name + "')";
            if (t == null) {
                throw new NnlError("checkpoint " + file + " has no variable '" + name + "'", "it holds " + saved.keySet());
            }
            if (t.dtype() != v.type().dtype() || !Arrays.equals(t.shape(), v.type().dims())) {
                throw new NnlError("variable " + which + " is " + v.type().dtype() + " " + Shapes.show(v.type().dims())
                        + " but checkpoint " + file + " holds " + t.dtype() + " " + Shapes.show(t.shape()) + " for it");
            }
        });
        variables.forEach((name, v) -> v.set(saved.get(name)));
    }

    /** Every entry of a checkpoint file, in file order. */
    public static Map<String, Tensor> read(Path file) {
        byte[] bytes = readAll(file);
        String first = firstLine(bytes);
        if (!first.startsWith(FORMAT + " ")) {
            throw corrupt(file, "not an NNL checkpoint (it does not start with '" + FORMAT + "')");
        }
        String version = first.substring(FORMAT.length() + 1);
        if (!version.equals(Integer.toString(VERSION))) {
            throw new NnlError("checkpoint " + file + " has format version " + version + "; this NNL reads version " + VERSION,
                    "save it again with the NNL version that reads it");
        }
        int body = bytes.length - TRAILER_LENGTH;
        Matcher end = TRAILER.matcher(body < 0 ? "" : new String(bytes, body, TRAILER_LENGTH, StandardCharsets.US_ASCII));
        if (!end.matches()) throw corrupt(file, "truncated: the end line with the checksum is missing");
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        if (crc.getValue() != Long.parseLong(end.group(1), 16)) throw corrupt(file, "checksum mismatch: the file is damaged");
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, body);
        in.position(first.length() + 1);
        Map<String, Manifest> manifest = manifest(file, in);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Manifest> e : manifest.entrySet()) {
            Tensor t;
            try {
                t = Npy.read(in);
            } catch (IOException x) {
                throw corrupt(file, "variable '" + e.getKey() + "': " + x.getMessage());
            }
            Manifest m = e.getValue();
            if (t.dtype() != m.dtype() || !Arrays.equals(t.shape(), m.shape())) {
                throw corrupt(file, "variable '" + e.getKey() + "': the manifest says " + m.dtype() + " "
                        + Shapes.show(m.shape()) + " but the array is " + t.dtype() + " " + Shapes.show(t.shape()));
            }
            out.put(e.getKey(), t);
        }
        if (in.hasRemaining()) throw corrupt(file, in.remaining() + " unexpected bytes after the last array");
        return out;
    }

    /** One manifest line: what the array with this name must be. */
    private record Manifest(DType dtype, long[] shape) {}

    private static Map<String, Manifest> manifest(Path file, ByteBuffer in) {
        String count = line(file, in);
        if (!count.matches("variables [0-9]{1,9}")) throw corrupt(file, "expected 'variables N' on line 2, found '" + count + "'");
        int n = Integer.parseInt(count.substring("variables ".length()));
        Map<String, Manifest> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String[] fields = line(file, in).split("\t", -1);
            DType dtype = fields.length == 3 ? DType.parse(fields[1]) : null;
            long[] shape = fields.length == 3 ? shape(fields[2]) : null;
            if (dtype == null || shape == null || out.put(fields[0], new Manifest(dtype, shape)) != null) {
                throw corrupt(file, "manifest line " + (i + 3) + " is not a unique 'NAME<tab>DTYPE<tab>SHAPE'");
            }
        }
        return out;
    }

    /** Parses [784, 500] or []; null when malformed. */
    private static long[] shape(String text) {
        if (!text.matches("\\[([0-9]{1,18}(, [0-9]{1,18})*)?]")) return null;
        String inner = text.substring(1, text.length() - 1);
        return inner.isEmpty() ? new long[0] : Arrays.stream(inner.split(", ")).mapToLong(Long::parseLong).toArray();
    }

    private static String line(Path file, ByteBuffer in) {
        int start = in.position();
        while (in.hasRemaining()) {
            if (in.get() == '\n') {
                return new String(in.array(), start, in.position() - 1 - start, StandardCharsets.UTF_8);
            }
        }
        throw corrupt(file, "the manifest is cut short");
    }

    private static String firstLine(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && n < 64 && bytes[n] != '\n') n++;
        return new String(bytes, 0, n, StandardCharsets.US_ASCII);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NnlError("no checkpoint file " + file, "save_variables(path) writes one");
        } catch (IOException e) {
            throw new NnlError("cannot read checkpoint " + file + ": " + e.getMessage());
        }
    }

    private static NnlError corrupt(Path file, String what) {
        return new NnlError("corrupt checkpoint " + file + ": " + what);
    }
}
