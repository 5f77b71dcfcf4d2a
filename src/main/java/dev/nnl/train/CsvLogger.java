package dev.nnl.train;

import dev.nnl.interp.NnlError;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes one CSV row per epoch: the epoch number, then the logs (a header row first, unless appending). */
public final class CsvLogger implements Callback {
    private final Path path;
    private final char separator;
    private final boolean append;
    private List<String> columns;

    public CsvLogger(Path path, String separator, boolean append) {
        if (separator.length() != 1) throw new NnlError("csv_logger's separator must be one character, got '" + separator + "'");
        this.path = path;
        this.separator = separator.charAt(0);
        this.append = append;
    }

    @Override
    public void trainBegin(FitRun run) {
        columns = null;
        if (!append) write(List.of(), false);
    }

    @Override
    public void epochEnd(FitRun run, int epoch, Map<String, Double> logs) {
        List<Object> row = new ArrayList<>();
        boolean header = columns == null && (!append || !exists());
        if (columns == null) columns = new ArrayList<>(logs.keySet());
        if (header) {
            List<Object> names = new ArrayList<>(List.of("epoch"));
            names.addAll(columns);
            write(names, true);
        }
        row.add(epoch);
        for (String c : columns) row.add(logs.containsKey(c) ? logs.get(c) : "");
        write(row, true);
    }

    private boolean exists() {
        try {
            return Files.size(path) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void write(List<?> record, boolean appending) {
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new NnlError("cannot create the directory of " + path + ": " + e.getMessage());
        }
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                appending ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(separator).setRecordSeparator('\n').build())) {
            if (!record.isEmpty()) csv.printRecord(record);
        } catch (IOException e) {
            throw new NnlError("cannot write " + path + ": " + e.getMessage());
        }
    }
}
