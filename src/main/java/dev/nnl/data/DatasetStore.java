package dev.nnl.data;

import dev.nnl.interp.FileAccess;
import dev.nnl.interp.NnlError;
import dev.nnl.io.AtomicFile;
import dev.nnl.syntax.Span;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Where the files of a data set are. Each data set lives in a directory named after it under the first root that has
 * all its files: {@code $NNL_DATA}, then {@code ~/.nnl/datasets} (the cache), then {@code /usr/share/datasets}
 * (Debian's dataset packages). When no root has them, they are downloaded from their canonical address into the
 * cache: each download is checked against its SHA-256 before it is renamed into place, so an interrupted or damaged
 * download never leaves a file that looks complete. Every read and write goes through the session's file access,
 * so a sandboxed session refuses to touch a cache the host did not grant, before any network traffic.
 */
public final class DatasetStore {
    /** A file to download: its address, its SHA-256 and, for a .tar.gz archive, the members to take out of it. */
    public record Source(String url, String sha256, List<String> members) {
        String fileName() { return url.substring(url.lastIndexOf('/') + 1); }

        /** The data set files this download gives. */
        List<String> yields() { return members.isEmpty() ? List.of(fileName()) : members; }
    }

    /** One way a data set can be stored: its files, and the downloads that give them (none: not downloadable). */
    public record Layout(List<String> files, List<Source> sources) {}

    /** A data set: its directory name and the layouts it may be stored in, the preferred first. */
    public record Dataset(String name, List<Layout> layouts) {}

    /** The directory a data set was found in, and its layout there. */
    public record Found(Path dir, Layout layout) {
        public Path file(String name) { return present(dir, name); }
    }

    /** Opens the content at a URL; the standard one is java.net.http, tests bring their own. */
    public interface Fetcher {
        InputStream open(String url) throws IOException;
    }

    private final List<Path> roots;
    private final Path cache;
    private final Fetcher fetcher;

    public DatasetStore(List<Path> roots, Path cache, Fetcher fetcher) {
        this.roots = List.copyOf(roots);
        this.cache = cache;
        this.fetcher = fetcher;
    }

    /** The roots of this machine, as the environment says now. */
    public static DatasetStore standard() {
        Path cache = Path.of(System.getProperty("user.home"), ".nnl", "datasets");
        List<Path> roots = new ArrayList<>();
        String env = System.getenv("NNL_DATA");
        if (env != null && !env.isBlank()) roots.add(Path.of(env));
        roots.add(cache);
        roots.add(Path.of("/usr/share/datasets"));
        return new DatasetStore(roots, cache, DatasetStore::download);
    }

    /** Finds the data set, downloading it into the cache when no root has it; {@code log} hears about downloads. */
    public Found locate(Dataset set, FileAccess access, Span span, Consumer<String> log) {
        for (Path root : roots) {
            Path dir = root.resolve(set.name());
            for (Layout layout : set.layouts()) {
                if (layout.files().stream().allMatch(f -> Files.isRegularFile(present(dir, f)))) {
                    for (String f : layout.files()) access.readable(present(dir, f), span);
                    return new Found(dir, layout);
                }
            }
        }
        Layout remote = set.layouts().stream().filter(l -> !l.sources().isEmpty()).findFirst().orElseThrow();
        Path dir = cache.resolve(set.name());
        // asked before any traffic: a sandboxed session must not download into a directory it was not granted
        for (Source s : remote.sources()) {
            access.writable(dir.resolve(s.fileName()), span);
            for (String m : s.members()) access.writable(dir.resolve(m), span);
        }
        try {
            Files.createDirectories(dir);
            for (Source s : remote.sources()) {
                if (s.yields().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) continue; // an earlier run got it
                log.accept("Downloading data from " + s.url());
                Path target = dir.resolve(s.fileName());
                fetch(s, target);
                if (!s.members().isEmpty()) {
                    extract(target, s.members(), dir);
                    Files.delete(target);
                }
            }
        } catch (ChecksumMismatch e) {
            throw new NnlError(e.getMessage() + "; nothing was saved", "the file at that address changed or the download was damaged; try again");
        } catch (IOException e) {
            throw missing(set, remote, e);
        }
        return new Found(dir, remote);
    }

    /** A file of a layout in a directory; a file listed as NAME.gz may also be stored uncompressed as NAME. */
    private static Path present(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.exists(p) && name.endsWith(".gz")) {
            Path raw = dir.resolve(name.substring(0, name.length() - 3));
            if (Files.exists(raw)) return raw;
        }
        return p;
    }

    private void fetch(Source s, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(fetcher.open(s.url()), sha)) {
                in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(s.sha256())) {
                throw new ChecksumMismatch("the download of " + s.url() + " has SHA-256 " + actual + ", expected " + s.sha256());
            }
        });
    }

    /** Takes the members (by file name, wherever they are in the archive) out of a .tar.gz into {@code dir}. */
    private static void extract(Path archive, List<String> members, Path dir) throws IOException {
        Set<String> wanted = new HashSet<>(members);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String name = Path.of(e.getName()).getFileName().toString();
                if (e.isFile() && wanted.remove(name)) AtomicFile.write(dir.resolve(name), tar::transferTo);
            }
        }
        if (!wanted.isEmpty()) throw new IOException(archive + " does not contain " + String.join(", ", wanted));
    }

    /** The error for a data set that is nowhere and could not be downloaded: which files to put where. */
    private NnlError missing(Dataset set, Layout layout, IOException cause) {
        String files = layout.sources().stream().map(s -> s.members().isEmpty()
                        ? s.fileName() + " from " + s.url()
                        : String.join(", ", s.members()) + " from the archive " + s.url())
                .collect(Collectors.joining("; "));
        String dirs = roots.stream().map(r -> r.resolve(set.name()).toString()).collect(Collectors.joining(", "));
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new NnlError("the data set " + set.name() + " is not on this machine and downloading it failed (" + reason
                + "); put " + files + " into " + cache.resolve(set.name()) + " (looked in " + dirs + ")",
                "or set NNL_DATA to a directory holding " + set.name() + "/ with those files");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static InputStream download(String url) throws IOException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP status " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the download was interrupted");
        }
    }

    /** A download whose content is not what its checksum promises. */
    private static final class ChecksumMismatch extends IOException {
        ChecksumMismatch(String message) {
            super(message);
        }
    }
}
