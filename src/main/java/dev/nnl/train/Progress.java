package dev.nnl.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What fit shows while it trains, in Keras's words: on a terminal a progress bar redrawn after every batch, with the
 * samples done, the ETA and the running metrics, ended by the epoch's time and validation metrics; elsewhere (a
 * pipe, a log file) one line per epoch; nothing with verbose=0.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final LongSupplier clock;
    private final boolean terminal;
    private final boolean quiet;
    private final int epochs;
    private long start;
    private long lastDraw;

    Progress(PrintStream out, LongSupplier clock, boolean terminal, int verbose, int epochs) {
        this.out = out;
        this.clock = clock;
        this.terminal = terminal && verbose == 1;
        this.quiet = verbose == 0;
        this.epochs = epochs;
    }

    void startEpoch(int epoch) {
        start = clock.getAsLong();
        lastDraw = Long.MIN_VALUE;
        if (terminal) out.println("Epoch " + (epoch + 1) + "/" + epochs);
    }

    /** After a batch: redraws the bar on a terminal, at most every 50 ms. */
    void batch(long done, long total, Map<String, Double> running) {
        if (!terminal) return;
        long now = clock.getAsLong();
        if (done < total && lastDraw != Long.MIN_VALUE && now - lastDraw < 50_000_000L) return;
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        out.print("\r" + bar(done, total) + " - ETA: " + seconds(eta) + metrics(running) + "\u001b[K");
        out.flush();
    }

    void endEpoch(int epoch, long samples, Map<String, Double> logs) {
        if (quiet) return;
        double elapsed = (clock.getAsLong() - start) / 1e9;
        String timing = seconds(elapsed) + " " + perSample(elapsed, samples);
        if (terminal) {
            out.print("\r" + bar(samples, samples) + " - " + timing + metrics(logs) + "\u001b[K\n");
        } else {
            out.println("Epoch " + (epoch + 1) + "/" + epochs + " - " + samples + "/" + samples + " - " + timing + metrics(logs));
        }
        out.flush();
    }

    private static String bar(long done, long total) {
        String count = String.valueOf(total);
        StringBuilder b = new StringBuilder();
        b.append(" ".repeat(Math.max(0, count.length() - String.valueOf(done).length()))).append(done).append('/').append(total).append(" [");
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        if (filled > 0) b.append("=".repeat(filled - 1)).append(done < total ? '>' : '=');
        b.append(".".repeat(WIDTH - filled)).append(']');
        return b.toString();
    }

    private static String metrics(Map<String, Double> values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            b.append(" - ").append(e.getKey()).append(": ").append(String.format(Locale.ROOT, "%.4f", e.getValue()));
        }
        return b.toString();
    }

    private static String seconds(double s) {
        return Math.round(s) + "s";
    }

    private static String perSample(double elapsed, long samples) {
        double each = samples == 0 ? 0 : elapsed / samples;
        if (each >= 1) return Math.round(each) + "s/sample";
        if (each >= 1e-3) return Math.round(each * 1e3) + "ms/sample";
        return Math.round(each * 1e6) + "us/sample";
    }
}
