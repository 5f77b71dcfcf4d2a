package dev.nnl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.data.DatasetStore.Dataset;
import dev.nnl.data.DatasetStore.Found;
import dev.nnl.data.DatasetStore.Layout;
import dev.nnl.data.DatasetStore.Source;
import dev.nnl.interp.FileAccess;
import dev.nnl.interp.NnlError;
import dev.nnl.syntax.NnlException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding and downloading data sets, with roots in a temporary directory standing for $NNL_DATA, the cache and
 * /usr/share/datasets, and a fetcher that serves bytes from memory (or fails as without network).
 */
class DatasetStoreTest {
    private static final byte[] A = "first file".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = "second file".getBytes(StandardCharsets.UTF_8);
    private static final String URL = "https://data.example/";

    @TempDir
    Path dir;
    Path env;
    Path cache;
    Path debian;
    final Map<String, byte[]> served = new HashMap<>();
    final List<String> fetched = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void roots() {
        env = dir.resolve("env");
        cache = dir.resolve("home/.nnl/datasets");
        debian = dir.resolve("usr/share/datasets");
    }

    private DatasetStore store() {
        return new DatasetStore(List.of(env, cache, debian), cache, url -> {
            fetched.add(url);
            byte[] bytes = served.get(url);
            if (bytes == null) throw new IOException("no network");
            return new ByteArrayInputStream(bytes);
        });
    }

    private Found locate(Dataset set) {
        return store().locate(set, FileAccess.unrestricted(), null, log::add);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Dataset toy() throws Exception {
        return new Dataset("toy", List.of(new Layout(List.of("a.bin", "b.bin"), List.of(
                new Source(URL + "a.bin", sha256(A), List.of()), new Source(URL + "b.bin", sha256(B), List.of())))));
    }

    private static void put(Path root, String name, String file, byte[] bytes) throws IOException {
        Files.createDirectories(root.resolve(name));
        Files.write(root.resolve(name).resolve(file), bytes);
    }

    private static List<String> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstRootWithAllFilesWins() throws Exception {
        put(env, "toy", "a.bin", A); // incomplete: skipped
        put(cache, "toy", "a.bin", A);
        put(cache, "toy", "b.bin", B);
        put(debian, "toy", "a.bin", A);
        put(debian, "toy", "b.bin", B);
        assertEquals(cache.resolve("toy"), locate(toy()).dir());
        assertTrue(fetched.isEmpty());
        Files.write(env.resolve("toy/b.bin"), B);
        assertEquals(env.resolve("toy"), locate(toy()).dir());
    }

    @Test
    void layoutsInOrderAndGzipFilesStoredRaw() throws Exception {
        Dataset set = new Dataset("two", List.of(new Layout(List.of("all.npz"), List.of()), new Layout(List.of("x.gz", "y.gz"), List.of())));
        put(debian, "two", "x", A);
        put(debian, "two", "y.gz", B);
        Found found = store().locate(set, FileAccess.unrestricted(), null, log::add);
        assertEquals(set.layouts().get(1), found.layout());
        assertEquals(debian.resolve("two/x"), found.file("x.gz"));
        assertEquals(debian.resolve("two/y.gz"), found.file("y.gz"));
        put(debian, "two", "all.npz", A);
        assertEquals(set.layouts().get(0), store().locate(set, FileAccess.unrestricted(), null, log::add).layout());
    }

    @Test
    void downloadsIntoTheCacheCheckingEachFile() throws Exception {
        served.put(URL + "a.bin", A);
        served.put(URL + "b.bin", B);
        Found found = locate(toy());
        assertEquals(cache.resolve("toy"), found.dir());
        assertArrayEquals(A, Files.readAllBytes(found.file("a.bin")));
        assertArrayEquals(B, Files.readAllBytes(found.file("b.bin")));
        assertEquals(List.of("a.bin", "b.bin"), files(found.dir()), "no temporary file is left");
        assertEquals(List.of("Downloading data from " + URL + "a.bin", "Downloading data from " + URL + "b.bin"), log);
        locate(toy());
        assertEquals(2, fetched.size(), "the second time the cache has it");
    }

    @Test
    void anInterruptedDownloadGoesOnWithTheMissingFiles() throws Exception {
        put(cache, "toy", "a.bin", A);
        served.put(URL + "b.bin", B);
        locate(toy());
        assertEquals(List.of(URL + "b.bin"), fetched);
    }

    @Test
    void aWrongChecksumSavesNothing() throws Exception {
        served.put(URL + "a.bin", B);
        NnlError e = assertThrows(NnlError.class, () -> locate(toy()));
        assertEquals("the download of " + URL + "a.bin has SHA-256 " + sha256(B) + ", expected " + sha256(A)
                + "; nothing was saved", e.getMessage());
        assertEquals(List.of(), files(cache.resolve("toy")));
    }

    @Test
    void withoutNetworkTheErrorSaysWhichFilesToPutWhere() {
        NnlError e = assertThrows(NnlError.class, () -> locate(toy()));
        assertEquals("the data set toy is not on this machine and downloading it failed (IOException: no network); put "
                + "a.bin from " + URL + "a.bin; b.bin from " + URL + "b.bin into " + cache.resolve("toy") + " (looked in "
                + env.resolve("toy") + ", " + cache.resolve("toy") + ", " + debian.resolve("toy") + ")", e.getMessage());
        assertEquals("or set NNL_DATA to a directory holding toy/ with those files", e.hint());
    }

    @Test
    void archivesAreUnpackedAndRemoved() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (String[] member : new String[][] {{"set/one.bin", "1"}, {"set/readme.txt", "r"}, {"set/two.bin", "22"}}) {
                TarArchiveEntry entry = new TarArchiveEntry(member[0]);
                entry.setSize(member[1].length());
                tar.putArchiveEntry(entry);
                tar.write(member[1].getBytes(StandardCharsets.UTF_8));
                tar.closeArchiveEntry();
            }
        }
        served.put(URL + "set.tar.gz", bytes.toByteArray());
        Dataset set = new Dataset("set", List.of(new Layout(List.of("one.bin", "two.bin"),
                List.of(new Source(URL + "set.tar.gz", sha256(bytes.toByteArray()), List.of("one.bin", "two.bin"))))));
        Found found = locate(set);
        assertEquals(List.of("one.bin", "two.bin"), files(found.dir()));
        assertEquals("22", Files.readString(found.file("two.bin")));
    }

    @Test
    void aSandboxRefusesToDownloadIntoAnUngrantedCache() throws Exception {
        served.put(URL + "a.bin", A);
        FileAccess sandbox = FileAccess.under(List.of(dir.resolve("granted")));
        NnlException e = assertThrows(NnlException.class, () -> store().locate(toy(), sandbox, null, log::add));
        assertTrue(e.getMessage().startsWith("not allowed to write " + cache.resolve("toy/a.bin")), e.getMessage());
        assertTrue(fetched.isEmpty(), "nothing was fetched");
        assertFalse(Files.exists(cache));
    }

    @Test
    void aSandboxRefusesToReadAnUngrantedRoot() throws Exception {
        put(env, "toy", "a.bin", A);
        put(env, "toy", "b.bin", B);
        FileAccess sandbox = FileAccess.under(List.of(cache));
        NnlException e = assertThrows(NnlException.class, () -> store().locate(toy(), sandbox, null, log::add));
        assertTrue(e.getMessage().startsWith("not allowed to read " + env.resolve("toy/a.bin")), e.getMessage());
        assertTrue(store().locate(toy(), FileAccess.under(List.of(env)), null, log::add).dir().startsWith(env));
    }
}
