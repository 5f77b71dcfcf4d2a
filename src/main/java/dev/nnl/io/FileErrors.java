package dev.nnl.io;

import dev.nnl.interp.NnlError;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** User-facing messages for failed file operations: the path once, then the reason in words. */
public final class FileErrors {
    private FileErrors() {}

    public static NnlError cannotRead(Path file, IOException e) {
        return new NnlError("cannot read " + file + ": " + reason(file, e));
    }

    public static NnlError cannotWrite(Path file, IOException e) {
        return new NnlError("cannot write " + file + ": " + reason(file, e));
    }

    private static String reason(Path file, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException && !Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            return parent == null || Files.isDirectory(parent) ? "no such file" : "no such directory " + parent;
        }
        if (Files.isDirectory(file)) return "it is a directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
