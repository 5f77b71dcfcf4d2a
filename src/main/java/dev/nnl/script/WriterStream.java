package dev.nnl.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The bytes a session prints, as UTF-8 text on the writer of the script context that is running: JSR-223 hands
 * the engine a Writer, the session prints to a stream. Text is passed on whole at each flush.
 */
final class WriterStream extends OutputStream {
    private final Supplier<Writer> target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterStream(Supplier<Writer> target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (pending.size() == 0) return;
        Writer w = target.get();
        w.write(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        w.flush();
    }
}
