package dev.nnl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnl.data.Table;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV tables: column types, missing values, names, quoting, strict numbers and the errors for bad files. */
class CsvTest {
    private static final Csv.Options DEFAULT = new Csv.Options(0, null, ',');

    @TempDir
    Path dir;

    private static Table read(String text, Csv.Options options) {
        return Csv.read(new StringReader(text), "t.csv", options);
    }

    private static String error(String text) {
        return assertThrows(NnlError.class, () -> read(text, DEFAULT)).getMessage();
    }

    @Test
    void columnTypesFollowTheirValues() {
        Table t = read("i,f,s,m\n1,1.5,a,\n-2,2,\"b, c\",3\n3,1e3,d,NaN\n", DEFAULT);
        assertEquals(List.of("i", "f", "s", "m"), t.names());
        assertEquals(3, t.rows());
        Tensor i = (Tensor) t.column(0);
        assertEquals(DType.INT64, i.dtype());
        assertArrayEquals(new long[] {1, -2, 3}, i.longs());
        Tensor f = (Tensor) t.column(1);
        assertEquals(DType.FLOAT64, f.dtype());
        assertArrayEquals(new double[] {1.5, 2, 1000}, f.doubles());
        assertEquals(List.of("a", "b, c", "d"), ((NnlList) t.column(2)).items());
        Tensor m = (Tensor) t.column(3);
        assertEquals(DType.FLOAT64, m.dtype(), "a missing value makes a number column float64");
        assertArrayEquals(new double[] {Double.NaN, 3, Double.NaN}, m.doubles());
    }

    @Test
    void namesAsPandasMakesThem() {
        Table t = read("\uFEFF,x,x,\n0,1,2,3\n", DEFAULT);
        assertEquals(List.of("Unnamed: 0", "x", "x.1", "Unnamed: 3"), t.names());
        Table none = read("5,6\n7,8\n", new Csv.Options(null, null, ','));
        assertEquals(List.of("0", "1"), none.names());
        assertEquals(2, none.rows());
        Table later = read("a comment line\nx;y\n1;2\n", new Csv.Options(1, null, ';'));
        assertEquals(List.of("x", "y"), later.names());
        assertArrayEquals(new long[] {1, 2}, later.toTensor().longs());
    }

    @Test
    void usecolsKeepsTheFilesOrder() {
        Table t = read("a,b,c\n1,2,3\n", new Csv.Options(0, List.of("c", 0L), ','));
        assertEquals(List.of("a", "c"), t.names());
        assertEquals("t.csv has no column 'd'", assertThrows(NnlError.class,
                () -> read("a,b\n1,2\n", new Csv.Options(0, List.of("d"), ','))).getMessage());
    }

    @Test
    void textInANumberColumnIsAnErrorWithItsLine() {
        assertEquals("t.csv:4: column 'open': '1.2.3' is not a number", error("open\n1.5\n2\n1.2.3\n"));
        assertEquals("t.csv:4: column 'v': '12abc' is not a number", error("v\n\n1\n12abc\n"));
    }

    @Test
    void raggedRowsAreErrors() {
        assertEquals("t.csv:3: 3 fields, but the header has 2", error("a,b\n1,2\n1,2,3\n"));
        assertEquals("t.csv:2: 1 fields, but the header has 2", error("a,b\n1\n"));
    }

    @Test
    void writtenTablesReadBack() throws IOException {
        Table t = read("name,x,y\n\"a \"\"q\"\"\",1.5,2\nb,,3\n", DEFAULT);
        Path file = dir.resolve("out.csv");
        Csv.write(file, t.names(), t.rows(), t.names().size(), t::text);
        assertEquals("name,x,y\n\"a \"\"q\"\"\",1.5,2\nb,,3\n", Files.readString(file));
        Table back = read(Files.readString(file), DEFAULT);
        assertArrayEquals(new double[] {1.5, Double.NaN}, ((Tensor) back.column(1)).doubles());
    }
}
