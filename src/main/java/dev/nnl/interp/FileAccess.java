package dev.nnl.interp;

import dev.nnl.syntax.Diagnostic;
import dev.nnl.syntax.NnlException;
import dev.nnl.syntax.Span;
import java.nio.file.Path;
import java.util.List;

/**
 * Which files a session may touch. The CLI allows everything unless started with --sandbox; an embedding host
 * grants roots, and every denial names the path.
 */
public final class FileAccess {
    private final List<Path> roots;

    private FileAccess(List<Path> roots) {
        this.roots = roots;
    }

    public static FileAccess unrestricted() {
        return new FileAccess(null);
    }

    public static FileAccess under(List<Path> roots) {
        return new FileAccess(roots.stream().map(r -> r.toAbsolutePath().normalize()).toList());
    }

    public Path readable(Path path, Span span) {
        return check(path, span, "read");
    }

    public Path writable(Path path, Span span) {
        return check(path, span, "write");
    }

    private Path check(Path path, Span span, String verb) {
        Path p = path.toAbsolutePath().normalize();
        if (roots == null || roots.stream().anyMatch(p::startsWith)) return p;
        throw new NnlException(new Diagnostic(Diagnostic.Kind.RUNTIME, span, "not allowed to " + verb + " " + p
                + ": outside the granted directories " + roots, "ask the host application to grant that directory"));
    }
}
