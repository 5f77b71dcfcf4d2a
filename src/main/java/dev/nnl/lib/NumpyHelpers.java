package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.SliceValue;
import dev.nnl.interp.SpecialIndex;
import dev.nnl.interp.Subscriptable;
import dev.nnl.interp.Values;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeOps;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** The numpy helpers the course uses: vstack, hstack, column_stack (np.c_), mgrid, meshgrid, newaxis. */
final class NumpyHelpers {
    private NumpyHelpers() {}

    static void register(BuiltinTable t) {
        t.constant("newaxis", SpecialIndex.NEWAXIS);
        t.define("vstack", "tup", a -> ShapeOps.concat(arrays(a.get(0), 2), 0));
        t.define("hstack", "tup", a -> {
            List<Tensor> parts = arrays(a.get(0), 1);
            return ShapeOps.concat(parts, parts.get(0).rank() == 1 ? 0 : 1);
        });
        t.define("column_stack", "tup", a -> columnStack(HostBuiltins.elements(a.get(0))));
        t.constant("c_", (Subscriptable) NumpyHelpers::columnStack);
        t.constant("mgrid", (Subscriptable) NumpyHelpers::mgrid);
        t.define("meshgrid", "*xi", a -> {
            List<Object> xs = a.rest();
            if (xs.size() != 2) throw new NnlError("meshgrid takes two 1-D arrays");
            Tensor x = ShapeOps.reshape(Values.toNumpyArray(xs.get(0), null), new long[] {-1});
            Tensor y = ShapeOps.reshape(Values.toNumpyArray(xs.get(1), null), new long[] {-1});
            long nx = x.size();
            long ny = y.size();
            Tensor xx = ShapeOps.tile(ShapeOps.reshape(x, new long[] {1, nx}), new long[] {ny, 1});
            Tensor yy = ShapeOps.tile(ShapeOps.reshape(y, new long[] {ny, 1}), new long[] {1, nx});
            return new NnlList(new ArrayList<>(List.of(xx, yy)));
        });
    }

    /** Arrays for stacking, each raised to at least {@code minRank} dimensions (1-D rows for vstack). */
    private static List<Tensor> arrays(Object tup, int minRank) {
        List<Object> items = HostBuiltins.elements(tup);
        if (items.isEmpty()) throw new NnlError("need at least one array to stack");
        List<Tensor> out = new ArrayList<>();
        for (Object o : items) {
            Tensor t = o instanceof Tensor x ? x : Values.toNumpyArray(o, null);
            if (t.rank() == 0) t = ShapeOps.reshape(t, new long[] {1});
            if (t.rank() < minRank) t = ShapeOps.reshape(t, new long[] {1, t.size()});
            out.add(t);
        }
        return out;
    }

    private static Tensor columnStack(List<Object> items) {
        List<Tensor> cols = new ArrayList<>();
        for (Object o : items) {
            Tensor t = o instanceof Tensor x ? x : Values.toNumpyArray(o, null);
            cols.add(t.rank() <= 1 ? ShapeOps.reshape(t, new long[] {-1, 1}) : t);
        }
        if (cols.isEmpty()) throw new NnlError("need at least one array to stack");
        return ShapeOps.concat(cols, cols.get(0).rank() - 1);
    }

    /** np.mgrid[a:b:s, c:d:t]: dense coordinate grids, one per slice, each of length ceil((stop - start) / step). */
    private static Tensor mgrid(List<Object> subs) {
        int k = subs.size();
        double[][] axes = new double[k][];
        boolean floats = false;
        long[] shape = new long[k + 1];
        shape[0] = k;
        for (int i = 0; i < k; i++) {
            if (!(subs.get(i) instanceof SliceValue s) || s.stop() == null) {
                throw new NnlError("mgrid takes slices start:stop:step, e.g. mgrid[-3:3:.1, -3:3:.1]");
            }
            Object start = s.start() == null ? 0L : s.start();
            Object step = s.step() == null ? 1L : s.step();
            floats |= start instanceof Double || s.stop() instanceof Double || step instanceof Double;
            double a = Values.toDouble(start);
            double d = Values.toDouble(step);
            if (d == 0) throw new NnlError("mgrid step must not be zero");
            int n = (int) Math.max(0, Math.ceil((Values.toDouble(s.stop()) - a) / d));
            axes[i] = new double[n];
            for (int j = 0; j < n; j++) axes[i][j] = a + j * d;
            shape[i + 1] = n;
        }
        int cells = 1;
        for (int i = 1; i <= k; i++) cells *= (int) shape[i];
        double[] data = new double[k * cells];
        for (int i = 0; i < k; i++) {
            int inner = 1;
            for (int j = i + 2; j <= k; j++) inner *= (int) shape[j];
            for (int c = 0; c < cells; c++) data[i * cells + c] = axes[i][(int) ((c / inner) % shape[i + 1])];
        }
        return Tensor.ofDoubles(shape, data, floats ? DType.FLOAT64 : DType.INT64);
    }
}
