package dev.nnl.io;

import dev.nnl.interp.NnlError;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A text file opened by open(path, mode), as Python's: mode "r" reads (read, readline, readlines, iteration over the
 * lines, each keeping its "\n"; "\r\n" reads as "\n"), "w" truncates and writes, "a" appends; UTF-8. Each write goes
 * to the file at once, so a script that forgets close() loses nothing.
 */
public final class TextFile implements Iterable<Object> {
    private final Path path;
    /** The path as the script gave it, for printing, as Python shows a file's name. */
    private final String name;
    private final String mode;
    private final String content;
    private final Writer writer;
    private int position;
    private boolean closed;

    private TextFile(Path path, String name, String mode, String content, Writer writer) {
        this.path = path;
        this.name = name;
        this.mode = mode;
        this.content = content;
        this.writer = writer;
    }

    public static TextFile open(Path path, String name, String mode) {
        String m = mode.replace("t", "");
        if (mode.contains("b") || mode.contains("+") || !(m.equals("r") || m.equals("w") || m.equals("a"))) {
            throw new NnlError("open(): mode must be \"r\", \"w\" or \"a\", got \"" + mode + "\"",
                    mode.contains("b") ? "files are text; arrays go to files with save_npy / load_npy" : null);
        }
        try {
            if (m.equals("r")) return new TextFile(path, name, m, Files.readString(path).replace("\r\n", "\n"), null);
            StandardOpenOption how = m.equals("w") ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            return new TextFile(path, name, m, null, Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, how));
        } catch (IOException e) {
            throw m.equals("r") ? FileErrors.cannotRead(path, e) : FileErrors.cannotWrite(path, e);
        }
    }

    /** Writes {@code s} and returns its length, as Python does. */
    public long write(String s) {
        check(false);
        try {
            writer.write(s);
            writer.flush();
        } catch (IOException e) {
            throw FileErrors.cannotWrite(path, e);
        }
        return s.codePointCount(0, s.length());
    }

    /** The rest of the file. */
    public String read() {
        check(true);
        String rest = content.substring(position);
        position = content.length();
        return rest;
    }

    /** The next line with its "\n"; "" at the end. */
    public String readline() {
        check(true);
        int end = content.indexOf('\n', position);
        String line = content.substring(position, end < 0 ? content.length() : end + 1);
        position += line.length();
        return line;
    }

    public List<Object> readlines() {
        List<Object> lines = new ArrayList<>();
        for (String line = readline(); !line.isEmpty(); line = readline()) lines.add(line);
        return lines;
    }

    @Override
    public Iterator<Object> iterator() {
        return readlines().iterator();
    }

    public void close() {
        if (closed) return;
        closed = true;
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw FileErrors.cannotWrite(path, e);
        }
    }

    private void check(boolean reading) {
        if (closed) throw new NnlError("the file '" + name + "' is closed");
        if (reading != (writer == null)) {
            throw new NnlError("the file '" + name + "' is open for " + (reading ? "writing" : "reading") + " (mode \"" + mode + "\")");
        }
    }

    @Override
    public String toString() {
        return "<file '" + name + "' mode '" + mode + "'" + (closed ? " closed" : "") + ">";
    }
}
