package dev.nnl.io;

import dev.nnl.data.Table;
import dev.nnl.interp.NnlError;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files as tables, parsed by Commons CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks).
 * A column whose first non-missing value is a number is a number column, and then every value in it must be a
 * number: anything else is an error naming the file, line and column, never a silent text column. Missing values
 * (an empty field, NA, NaN, null, ...) in a number column are NaN, as in pandas; a number column is int64 when all
 * its values are integers, float64 otherwise. Other columns hold their text as it is.
 */
public final class Csv {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:inf|infinity|nan)");
    private static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "<NA>");

    private Csv() {}

    /** What to read: the header line (a row number; null when the file has none), the columns to keep (null: all). */
    public record Options(Integer header, List<Object> usecols, char separator) {}

    /** Reads a table; {@code source} names the file in errors. */
    public static Table read(Reader in, String source, Options options) {
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.separator()).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                records.add(r.values());
                lines.add(parser.getCurrentLineNumber());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new NnlError("cannot read " + source + " as CSV: " + e.getMessage());
        }
        int first = options.header() == null ? 0 : options.header() + 1;
        if (options.header() != null && records.size() <= options.header()) {
            throw new NnlError(source + ": the file has " + records.size() + " lines, so no header line " + options.header());
        }
        List<String> names = options.header() != null ? names(records.get(options.header()))
                : numbered(records.isEmpty() ? 0 : records.get(0).length);
        for (int r = first; r < records.size(); r++) {
            if (records.get(r).length != names.size()) {
                throw new NnlError(source + ":" + lines.get(r) + ": " + records.get(r).length + " fields, but "
                        + (options.header() == null ? "the first line has " : "the header has ") + names.size());
            }
        }
        List<Integer> keep = kept(names, options.usecols(), source);
        List<String> keptNames = new ArrayList<>();
        List<Object> columns = new ArrayList<>();
        for (int c : keep) {
            keptNames.add(names.get(c));
            columns.add(column(records, lines, first, c, names.get(c), source));
        }
        return new Table(keptNames, columns, records.size() - first);
    }

    /** Header names as pandas makes them: an empty name is "Unnamed: i", a repeated one gets ".1", ".2", .... */
    private static List<String> names(String[] header) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String n = i == 0 ? header[i].replace("\uFEFF", "") : header[i];
            if (n.isEmpty()) n = "Unnamed: " + i;
            String unique = n;
            for (int k = 1; !seen.add(unique); k++) unique = n + "." + k;
            out.add(unique);
        }
        return out;
    }

    private static List<String> numbered(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Integer.toString(i));
        return out;
    }

    private static List<Integer> kept(List<String> names, List<Object> usecols, String source) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(i);
        if (usecols == null) return out;
        Set<Integer> wanted = new HashSet<>();
        for (Object u : usecols) {
            int i = u instanceof Long l && l >= 0 && l < names.size() ? l.intValue() : u instanceof String s ? names.indexOf(s) : -1;
            if (i < 0) throw new NnlError(source + " has no column " + (u instanceof String ? "'" + u + "'" : u), "its columns are " + names);
            wanted.add(i);
        }
        out.retainAll(wanted); // pandas keeps the file's order
        return out;
    }

    private static Object column(List<String[]> records, List<Long> lines, int first, int c, String name, String source) {
        int n = records.size() - first;
        int decider = -1;
        for (int r = first; r < records.size() && decider < 0; r++) if (!MISSING.contains(records.get(r)[c].strip())) decider = r;
        if (decider >= 0 && !isNumber(records.get(decider)[c].strip())) {
            String[] text = new String[n];
            for (int r = 0; r < n; r++) text[r] = records.get(first + r)[c];
            return text;
        }
        double[] values = new double[n];
        boolean integers = true;
        for (int r = 0; r < n; r++) {
            String s = records.get(first + r)[c].strip();
            if (MISSING.contains(s)) {
                values[r] = Double.NaN;
                integers = false;
            } else if (INTEGER.matcher(s).matches() && fitsLong(s)) {
                values[r] = Long.parseLong(s);
            } else if (DECIMAL.matcher(s).matches()) {
                values[r] = parseDecimal(s);
                integers = false;
            } else {
                throw new NnlError(source + ":" + lines.get(first + r) + ": column '" + name + "': '" + s + "' is not a number",
                        "the column holds numbers: its first value is '" + records.get(decider)[c].strip() + "' on line "
                                + lines.get(decider));
            }
        }
        if (!integers) return values;
        long[] longs = new long[n];
        for (int r = 0; r < n; r++) longs[r] = Long.parseLong(records.get(first + r)[c].strip());
        return longs;
    }

    private static boolean isNumber(String s) {
        return INTEGER.matcher(s).matches() || DECIMAL.matcher(s).matches();
    }

    private static boolean fitsLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parseDecimal(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (t.endsWith("inf") || t.endsWith("infinity")) return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (t.endsWith("nan")) return Double.NaN;
        return Double.parseDouble(s);
    }

    /** The text of one cell of what write_csv writes. */
    public interface Cells {
        String at(int row, int column);
    }

    /** Writes a header line (when not null) and the rows, replacing the file atomically. */
    public static void write(Path file, List<String> header, int rows, int columns, Cells cells) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        try {
            AtomicFile.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, format);
                if (header != null) printer.printRecord(header);
                List<String> row = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    row.clear();
                    for (int c = 0; c < columns; c++) row.add(cells.at(r, c));
                    printer.printRecord(row);
                }
                printer.flush();
            });
        } catch (IOException e) {
            throw FileErrors.cannotWrite(file, e);
        }
    }
}
