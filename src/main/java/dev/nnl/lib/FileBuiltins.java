package dev.nnl.lib;

import dev.nnl.data.ImageFolder;
import dev.nnl.data.ImageOps;
import dev.nnl.data.Table;
import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlDict;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.Values;
import dev.nnl.io.AtomicFile;
import dev.nnl.io.Csv;
import dev.nnl.io.FileErrors;
import dev.nnl.io.Images;
import dev.nnl.io.Npy;
import dev.nnl.io.Npz;
import dev.nnl.io.TextFile;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import dev.nnl.text.PyRepr;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Files a script reads and writes: CSV tables, numpy arrays (.npy, .npz), text, pictures and the course's self-made
 * data set of pictures. Every path goes through the session's file access.
 */
final class FileBuiltins {
    private FileBuiltins() {}

    static void register(BuiltinTable t) {
        // sep=none is a comma (the parameter spec cannot spell ',')
        t.define("read_csv", "path, header=0, usecols=none, sep=none", a -> {
            Path file = readable(a, 0);
            if (!a.isNone(1) && (!(a.get(1) instanceof Long) || a.integer(1) < 0)) throw a.wrong(1, "none or a line number from 0");
            List<Object> usecols = a.isNone(2) ? null : Values.sequence(a.get(2));
            if (!a.isNone(2) && usecols == null) throw a.wrong(2, "a list of column names or positions");
            if (!a.isNone(3) && a.string(3).length() != 1) throw a.wrong(3, "one character");
            Csv.Options options = new Csv.Options(a.isNone(1) ? null : (int) a.integer(1), usecols,
                    a.isNone(3) ? ',' : a.string(3).charAt(0));
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return Csv.read(in, a.string(0), options); // errors name the file as the script does, like a compiler's
            } catch (IOException e) {
                throw FileErrors.cannotRead(file, e);
            }
        });
        t.define("write_csv", "path, data, header=none", FileBuiltins::writeCsv);
        t.define("load_npy", "path", a -> {
            Path file = readable(a, 0);
            ByteBuffer bytes = ByteBuffer.wrap(readAll(file));
            try {
                Tensor x = Npy.read(bytes);
                if (bytes.hasRemaining()) throw new IOException(bytes.remaining() + " bytes of trailing data after the array");
                return x;
            } catch (IOException e) {
                throw new NnlError("not a valid .npy file: " + file + ": " + e.getMessage());
            }
        });
        t.define("save_npy", "path, arr", a -> {
            Path file = writable(a, suffixed(a.string(0), ".npy"));
            Tensor x = Values.toNumpyArray(a.get(1), null);
            try {
                AtomicFile.write(file, out -> Npy.write(out, x));
            } catch (IOException e) {
                throw FileErrors.cannotWrite(file, e);
            }
            return null;
        });
        t.define("load_npz", "path", a -> {
            NnlDict out = new NnlDict();
            Npz.read(readable(a, 0)).forEach(out::put);
            return out;
        });
        t.define("save_npz", "path, arrays, compressed=false", a -> {
            Npz.write(writable(a, suffixed(a.string(0), ".npz")), arrays(a), a.bool(2));
            return null;
        });
        t.define("write_text", "path, text", a -> {
            writeText(writable(a, a.string(0)), a.string(1));
            return null;
        });
        t.define("open", "path, mode='r'", a -> {
            String mode = a.string(1);
            Path file = mode.startsWith("r") ? readable(a, 0) : writable(a, a.string(0));
            return TextFile.open(file, a.string(0), mode);
        });
        t.define("exists", "path", a -> Files.exists(readable(a, 0)));
        t.define("load_image", "path, grayscale=false, size=none, resample='bicubic'",
                a -> prepare(a, 1).apply(Images.read(readable(a, 0))));
        t.define("save_image", "path, image", a -> {
            Images.write(writable(a, a.string(0)), Values.toNumpyArray(a.get(1), null));
            return null;
        });
        t.define("image_folder", "dir, labels_txt, grayscale=true, size=none, resample='bicubic'", a -> {
            Path dir = Path.of(a.string(0));
            return ImageFolder.read(dir, a.session().files().readable(Path.of(a.string(1)), a.span()),
                    p -> a.session().files().readable(p, a.span()), prepare(a, 2));
        });
    }

    static void registerMethods(MethodTable m) {
        m.property(Table.class, "values", (v, s) -> ((Table) v).toTensor());
        m.method(Table.class, "to_numpy", "self", a -> ((Table) a.get(0)).toTensor());
        m.property(Table.class, "columns", (v, s) -> new NnlList(new ArrayList<>(((Table) v).names())));
        m.property(Table.class, "shape", (v, s) -> ((Table) v).shape());
        m.property(Table.class, "iloc", (v, s) -> ((Table) v).iloc());
        m.method(Table.class, "head", "self, n=5", a -> ((Table) a.get(0)).head((int) a.integer(1)));
        m.method(TextFile.class, "write", "self, text", a -> ((TextFile) a.get(0)).write(a.string(1)));
        m.method(TextFile.class, "read", "self", a -> ((TextFile) a.get(0)).read());
        m.method(TextFile.class, "readline", "self", a -> ((TextFile) a.get(0)).readline());
        m.method(TextFile.class, "readlines", "self", a -> new NnlList(((TextFile) a.get(0)).readlines()));
        m.method(TextFile.class, "close", "self", a -> {
            ((TextFile) a.get(0)).close();
            return null;
        });
    }

    /** Replaces a file with the text, atomically. */
    static void writeText(Path file, String text) {
        try {
            AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw FileErrors.cannotWrite(file, e);
        }
    }

    private static Path readable(Args a, int i) {
        return a.session().files().readable(Path.of(a.string(i)), a.span());
    }

    private static Path writable(Args a, String path) {
        return a.session().files().writable(Path.of(path), a.span());
    }

    /** numpy's np.save and np.savez add their extension when the name lacks it. */
    private static String suffixed(String path, String extension) {
        return path.endsWith(extension) ? path : path + extension;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
    }

    /** save_npz's arrays: a dict {name: array}, or a list whose arrays are named arr_0, arr_1, ... as np.savez names them. */
    private static Map<String, Tensor> arrays(Args a) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (a.get(1) instanceof NnlDict d) {
            for (Map.Entry<Object, Object> e : d.entries().entrySet()) {
                if (!(e.getKey() instanceof String name)) throw a.wrong(1, "a dict {name: array} with string names");
                out.put(name, Values.toNumpyArray(e.getValue(), null));
            }
            return out;
        }
        List<Object> items = Values.sequence(a.get(1));
        if (items == null) throw a.wrong(1, "a dict {name: array} or a list of arrays");
        for (int i = 0; i < items.size(); i++) out.put("arr_" + i, Values.toNumpyArray(items.get(i), null));
        return out;
    }

    /** What load_image and image_folder do to each decoded picture, from their (grayscale, size, resample) arguments. */
    private static UnaryOperator<Tensor> prepare(Args a, int grayscale) {
        boolean gray = a.bool(grayscale);
        long[] size = a.isNone(grayscale + 1) ? null : a.shape(grayscale + 1);
        if (size != null && size.length != 2) throw a.wrong(grayscale + 1, "none or (height, width)");
        ImageOps.Filter filter = ImageOps.Filter.named(a.string(grayscale + 2));
        // the course's order: resize the colour picture, then convert('L')
        return image -> {
            Tensor x = size == null ? image : ImageOps.resize(image, (int) size[0], (int) size[1], filter);
            return gray ? ImageOps.grayscale(x) : x;
        };
    }

    /** write_csv: a table with its column names, or a 1-D or 2-D tensor (or nested list) of numbers. */
    private static Object writeCsv(Args a) {
        Path file = writable(a, a.string(0));
        Object header = a.get(2);
        if (a.get(1) instanceof Table table) {
            Csv.write(file, names(a, header, table.names()), table.rows(), table.names().size(), table::text);
            return null;
        }
        Tensor x = Values.toNumpyArray(a.get(1), null);
        if (x.rank() < 1 || x.rank() > 2) throw a.wrong(1, "a table, or a 1-D or 2-D tensor");
        int rows = (int) x.shape()[0];
        int columns = x.rank() == 1 ? 1 : (int) x.shape()[1];
        List<String> columnNames = new ArrayList<>();
        for (int c = 0; c < columns; c++) columnNames.add(Integer.toString(c));
        List<String> names = header == null ? null : names(a, header, columnNames);
        double[] doubles = x.dtype().isFloating() ? x.doubles() : null;
        long[] longs = x.dtype().isFloating() || x.dtype() == DType.BOOL ? null : x.longs();
        boolean[] bools = x.dtype() == DType.BOOL ? x.booleans() : null;
        Csv.write(file, names, rows, columns, (r, c) -> {
            int i = r * columns + c;
            if (bools != null) return bools[i] ? "True" : "False";
            if (longs != null) return Long.toString(longs[i]);
            if (Double.isNaN(doubles[i])) return "";
            return x.dtype() == DType.FLOAT32 ? PyRepr.ofFloat32((float) doubles[i]) : PyRepr.of(doubles[i]);
        });
        return null;
    }

    /** The header line: none gives the default names, false none at all, a list those names. */
    private static List<String> names(Args a, Object header, List<String> defaults) {
        if (header == null) return defaults;
        if (Boolean.FALSE.equals(header)) return null;
        List<Object> items = Values.sequence(header);
        if (items == null || items.size() != defaults.size() || !items.stream().allMatch(o -> o instanceof String)) {
            throw a.wrong(2, "none, false or a list of " + defaults.size() + " column names");
        }
        return items.stream().map(o -> (String) o).toList();
    }
}
