package dev.nnl.data;

import dev.nnl.interp.ArrayLike;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.SliceValue;
import dev.nnl.interp.Subscriptable;
import dev.nnl.interp.Values;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import dev.nnl.text.PyRepr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A table of named columns of equal length, what read_csv returns (pandas' DataFrame, reduced to what the course
 * uses). A column holds int64 numbers, float64 numbers or text. Selection follows pandas:
 * {@code t["open"]} is a column, {@code t[["x1", "x2"]]} a table of those columns, {@code t[0:100]} or
 * {@code t[mask]} a table of those rows, and {@code t[rows, columns]} selects both, columns by name or position;
 * {@code t.iloc[rows, columns]} selects by position only. An integer (or name) on an axis picks one row (column) and
 * drops that axis: a column comes out as a 1-D tensor (a list for text), a row as a list, a cell as a number.
 */
public final class Table implements Subscriptable, ArrayLike {
    private static final int SHOWN = 10;

    private final List<String> names;
    /** Each long[] (int64), double[] (float64) or String[] (text), all of length {@link #rows}. */
    private final List<Object> columns;
    private final int rows;
    /** Each row's number in the table it was selected from, which printing shows, as pandas' index. */
    private final int[] index;

    public Table(List<String> names, List<Object> columns, int rows) {
        this(names, columns, IntStream.range(0, rows).toArray());
    }

    private Table(List<String> names, List<Object> columns, int[] index) {
        this.names = List.copyOf(names);
        this.columns = List.copyOf(columns);
        this.rows = index.length;
        this.index = index;
    }

    public int rows() { return rows; }

    public List<String> names() { return names; }

    public NnlTuple shape() { return NnlTuple.of((long) rows, (long) names.size()); }

    /** Column {@code c} as a script value: a 1-D tensor for numbers, a list of strings for text. */
    public Object column(int c) {
        Object data = columns.get(c);
        if (data instanceof long[] l) return Tensor.ofLongs(new long[] {rows}, l, DType.INT64);
        if (data instanceof double[] d) return Tensor.ofDoubles(new long[] {rows}, d, DType.FLOAT64);
        return new NnlList(new ArrayList<>(Arrays.asList((Object[]) data)));
    }

    private Object cell(int r, int c) {
        Object data = columns.get(c);
        if (data instanceof long[] l) return l[r];
        if (data instanceof double[] d) return d[r];
        return ((String[]) data)[r];
    }

    /** The rows and columns given by position, in that order. */
    public Table take(int[] rowIndices, int[] columnIndices) {
        List<String> n = new ArrayList<>();
        List<Object> cols = new ArrayList<>();
        for (int c : columnIndices) {
            n.add(names.get(c));
            Object data = columns.get(c);
            if (data instanceof long[] l) cols.add(Arrays.stream(rowIndices).mapToLong(r -> l[r]).toArray());
            else if (data instanceof double[] d) cols.add(Arrays.stream(rowIndices).mapToDouble(r -> d[r]).toArray());
            else cols.add(Arrays.stream(rowIndices).mapToObj(r -> ((String[]) data)[r]).toArray(String[]::new));
        }
        return new Table(n, cols, Arrays.stream(rowIndices).map(r -> index[r]).toArray());
    }

    public Table head(int n) {
        return take(IntStream.range(0, Math.min(Math.max(n, 0), rows)).toArray(), IntStream.range(0, names.size()).toArray());
    }

    /** The numbers as a 2-D tensor [rows, columns]: int64 when every column holds integers, float64 otherwise. */
    @Override
    public Tensor toTensor() {
        int k = names.size();
        boolean integers = true;
        for (int c = 0; c < k; c++) {
            if (columns.get(c) instanceof String[]) {
                throw new NnlError("column '" + names.get(c) + "' holds text, so the table is not an array of numbers",
                        "select the numeric columns first, e.g. t[:, [\"x1\", \"x2\"]] or t.iloc[:, 2:3]");
            }
            integers &= columns.get(c) instanceof long[];
        }
        long[] shape = {rows, k};
        if (integers) {
            long[] out = new long[rows * k];
            for (int c = 0; c < k; c++) for (int r = 0; r < rows; r++) out[r * k + c] = ((long[]) columns.get(c))[r];
            return Tensor.ofLongs(shape, out, DType.INT64);
        }
        double[] out = new double[rows * k];
        for (int c = 0; c < k; c++) {
            Object data = columns.get(c);
            for (int r = 0; r < rows; r++) out[r * k + c] = data instanceof long[] l ? l[r] : ((double[]) data)[r];
        }
        return Tensor.ofDoubles(shape, out, DType.FLOAT64);
    }

    /** {@code t[...]}: columns by name or position. */
    @Override
    public Object subscript(List<Object> subs) {
        if (subs.size() == 1) {
            Object s = subs.get(0);
            if (s instanceof String || Values.sequence(s) != null) return select(all(rows), columns(s, true));
            if (s instanceof Long) {
                throw new NnlError("t[" + s + "] is ambiguous for a table",
                        "write t[" + s + ", :] for a row or t[:, " + s + "] for a column");
            }
            return select(rows(s), all(names.size()));
        }
        return select2(subs, true);
    }

    /** {@code t.iloc[...]}: rows and columns by position, as pandas' iloc. */
    public Subscriptable iloc() {
        return subs -> subs.size() == 1 ? select(rows(subs.get(0)), all(names.size())) : select2(subs, false);
    }

    private Object select2(List<Object> subs, boolean byName) {
        if (subs.size() != 2) throw new NnlError("a table takes [rows] or [rows, columns], got " + subs.size() + " subscripts");
        return select(rows(subs.get(0)), columns(subs.get(1), byName));
    }

    /** Positions on one axis; {@code point} when a single index dropped the axis. */
    private record Pick(int[] at, boolean point) {}

    private static Pick all(int n) {
        return new Pick(IntStream.range(0, n).toArray(), false);
    }

    private Object select(Pick r, Pick c) {
        if (r.point && c.point) return cell(r.at[0], c.at[0]);
        Table t = take(r.at, c.at);
        if (c.point) return t.column(0);
        if (r.point) {
            List<Object> row = new ArrayList<>();
            for (int k = 0; k < c.at.length; k++) row.add(t.cell(0, k));
            return new NnlList(row);
        }
        return t;
    }

    private Pick rows(Object s) {
        if (s instanceof Tensor t && t.dtype() == DType.BOOL) {
            if (t.rank() != 1 || t.size() != rows) {
                throw new NnlError("a row mask must be a 1-D bool tensor of the table's " + rows + " rows, got shape " + Arrays.toString(t.shape()));
            }
            boolean[] mask = t.booleans();
            return new Pick(IntStream.range(0, rows).filter(i -> mask[i]).toArray(), false);
        }
        return positions(s, rows, "row");
    }

    private Pick columns(Object s, boolean byName) {
        if (s instanceof String name) return new Pick(new int[] {named(name)}, true);
        List<Object> items = Values.sequence(s);
        if (items != null && byName) {
            return new Pick(items.stream().mapToInt(o -> o instanceof String n ? named(n) : position(o, names.size(), "column")).toArray(), false);
        }
        return positions(s, names.size(), "column");
    }

    private int named(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new NnlError("the table has no column '" + name + "'", "its columns are " + names);
        return i;
    }

    private static Pick positions(Object s, int n, String axis) {
        if (s instanceof SliceValue sv) {
            long[] picked = Slicing.sliceIndices(new Slicing.Slice(bound(sv.start()), bound(sv.stop()), bound(sv.step())), n);
            return new Pick(Arrays.stream(picked).mapToInt(i -> (int) i).toArray(), false);
        }
        List<Object> items = Values.sequence(s);
        if (items != null) return new Pick(items.stream().mapToInt(o -> position(o, n, axis)).toArray(), false);
        return new Pick(new int[] {position(s, n, axis)}, true);
    }

    private static int position(Object o, int n, String axis) {
        if (!(o instanceof Long i)) {
            throw new NnlError("a " + axis + " position must be an integer, a slice or a list, got " + Values.typeName(o),
                    axis.equals("column") ? "iloc takes positions; t[rows, \"name\"] selects by name" : null);
        }
        long k = i < 0 ? i + n : i;
        if (k < 0 || k >= n) throw new NnlError(axis + " " + i + " is out of range for a table of " + n + " " + axis + "s");
        return (int) k;
    }

    private static Long bound(Object v) {
        return v == null ? null : Values.toLong(v);
    }

    /** Like pandas: the index and the columns, right-aligned; the first and last rows of a long table. */
    @Override
    public String toString() {
        int[] shown = rows <= SHOWN ? IntStream.range(0, rows).toArray()
                : IntStream.concat(IntStream.range(0, SHOWN / 2), IntStream.range(rows - SHOWN / 2, rows)).toArray();
        List<List<String>> cells = new ArrayList<>();
        List<String> labels = new ArrayList<>(List.of(""));
        for (int r : shown) labels.add(Integer.toString(index[r]));
        cells.add(labels);
        for (int c = 0; c < names.size(); c++) {
            List<String> col = new ArrayList<>(List.of(names.get(c)));
            for (int r : shown) col.add(show(cell(r, c)));
            cells.add(col);
        }
        int[] width = cells.stream().mapToInt(col -> col.stream().mapToInt(String::length).max().orElse(0)).toArray();
        StringBuilder out = new StringBuilder();
        for (int line = 0; line <= shown.length; line++) {
            if (line == SHOWN / 2 + 1 && rows > SHOWN) out.append(row(cells, width, -1)).append('\n');
            out.append(row(cells, width, line)).append('\n');
        }
        if (rows > SHOWN) out.append("\n[").append(rows).append(" rows x ").append(names.size()).append(" columns]\n");
        return out.substring(0, out.length() - 1);
    }

    /** One printed line; {@code line} -1 is the "..." line between the first and last rows. */
    private static String row(List<List<String>> cells, int[] width, int line) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String s = line < 0 ? "..." : cells.get(c).get(line);
            if (c > 0) out.append("  ");
            String pad = " ".repeat(Math.max(0, width[c] - s.length()));
            out.append(c == 0 ? s + pad : pad + s);
        }
        return out.toString().stripTrailing();
    }

    private static String show(Object v) {
        if (v instanceof Double d) return Double.isNaN(d) ? "NaN" : PyRepr.of(d);
        return v.toString();
    }

    /** A cell as write_csv writes it: numbers as Python prints them, a missing number as an empty field. */
    public String text(int r, int c) {
        Object v = cell(r, c);
        if (v instanceof Double d) return Double.isNaN(d) ? "" : PyRepr.of(d);
        return v.toString();
    }
}
