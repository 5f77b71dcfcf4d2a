package dev.nnl.io;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz} files (np.savez, np.savez_compressed, Keras's mnist.npz): a zip archive holding one
 * {@code NAME.npy} entry per array. Read and written whole; a damaged archive or array is an error naming the file.
 */
public final class Npz {
    private Npz() {}

    /** The arrays by name (the entry names without .npy), in the archive's order. */
    public static Map<String, Tensor> read(Path file) {
        ZipFile archive;
        try {
            archive = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new NnlError("not a valid .npz file: " + file + ": it is not a zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        String entry = null;
        try (ZipFile zip = archive) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                entry = z.getName();
                if (z.isDirectory()) continue;
                if (!entry.endsWith(".npy")) throw new IOException("it is not an array (.npy)");
                byte[] bytes;
                try (InputStream in = zip.getInputStream(z)) {
                    bytes = in.readAllBytes();
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                out.put(entry.substring(0, entry.length() - 4), Npy.read(buffer));
                if (buffer.hasRemaining()) throw new IOException(buffer.remaining() + " bytes of trailing data");
            }
        } catch (IOException e) {
            String where = entry == null ? "" : "entry '" + entry + "': ";
            throw new NnlError("not a valid .npz file: " + file + ": " + where + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return out;
    }

    /** Writes the arrays as NAME.npy entries, deflated or stored, replacing the file atomically. */
    public static void write(Path file, Map<String, Tensor> arrays, boolean compressed) {
        try {
            AtomicFile.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
                    ByteArrayOutputStream npy = new ByteArrayOutputStream();
                    Npy.write(npy, a.getValue());
                    byte[] bytes = npy.toByteArray();
                    ZipEntry entry = new ZipEntry(a.getKey() + ".npy");
                    if (!compressed) {
                        // a stored entry declares its size and checksum before its data
                        CRC32 crc = new CRC32();
                        crc.update(bytes);
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(bytes.length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
                zip.finish();
            });
        } catch (IOException e) {
            throw FileErrors.cannotWrite(file, e);
        }
    }
}
