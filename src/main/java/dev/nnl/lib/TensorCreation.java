package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeOps;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;

/** Making tensors: from data (TF or numpy literal rules), filled, ranges, identity, casts; and the dtype names. */
final class TensorCreation {
    private TensorCreation() {}

    static void register(BuiltinTable t) {
        // bool stays the host conversion function; Args.dtype accepts it (and float, int) as a dtype
        for (DType d : DType.values()) if (!t.has(d.tfName)) t.constant(d.tfName, d);
        t.constant("double", DType.FLOAT64);
        t.define("tensor | constant | convert_to_tensor", "value, dtype=none, shape=none, name=none", a -> {
            Tensor v = a.tensor(0, a.dtype(1));
            if (a.dtype(1) != null) v = v.cast(a.dtype(1));
            return a.isNone(2) ? v : shaped(v, a.shape(2));
        });
        t.define("array | asarray", "value, dtype=none", a -> {
            Tensor v = Values.toNumpyArray(a.get(0), a.dtype(1));
            return a.dtype(1) == null ? v : v.cast(a.dtype(1));
        });
        t.define("zeros", "shape, dtype=float32", a -> filled(a.shape(0), 0, a.dtype(1)));
        t.define("ones", "shape, dtype=float32", a -> filled(a.shape(0), 1, a.dtype(1)));
        t.define("fill", "dims, value", a -> {
            Tensor v = a.tensor(1);
            if (v.rank() != 0) throw a.wrong(1, "a single number");
            return shaped(v, a.shape(0));
        });
        t.define("zeros_like", "input, dtype=none", a -> like(a, 0));
        t.define("ones_like", "input, dtype=none", a -> like(a, 1));
        t.define("arange", "start, stop=none, step=1, dtype=none", a -> range(a, DType.INT64, DType.FLOAT64));
        t.define("tf_range", "start, limit=none, delta=1, dtype=none", a -> range(a, DType.INT32, DType.FLOAT32));
        t.define("linspace | lin_space", "start, stop, num", a -> {
            long n = a.integer(2);
            if (n < 1) throw a.wrong(2, "at least 1");
            double start = a.number(0);
            double stop = a.number(1);
            double[] data = new double[(int) n];
            for (int i = 0; i < n; i++) data[i] = n == 1 ? start : start + (stop - start) * i / (n - 1);
            boolean f64 = a.get(0) instanceof Tensor x && x.dtype() == DType.FLOAT64;
            return Tensor.ofDoubles(new long[] {n}, data, f64 ? DType.FLOAT64 : DType.FLOAT32);
        });
        t.define("eye", "num_rows, num_columns=none, dtype=float32", a -> {
            long n = a.integer(0);
            long m = a.isNone(1) ? n : a.integer(1);
            double[] data = new double[(int) (n * m)];
            for (int i = 0; i < Math.min(n, m); i++) data[(int) (i * m + i)] = 1;
            return Tensor.ofDoubles(new long[] {n, m}, data, a.dtype(2));
        });
        t.define("cast | astype", "x, dtype, name=none", a -> {
            DType to = a.dtype(1);
            if (to == null) throw a.wrong(1, "a dtype");
            Object x = TensorCalls.isTensorLike(a.get(0)) ? a.get(0) : Values.toTensor(a.get(0), null);
            return a.apply(CastOp.INSTANCE, Attrs.of("dtype", to), x);
        });
    }

    /** {@code constant(0.1, shape=[3])} fills; a value with as many elements as the shape is reshaped. */
    private static Tensor shaped(Tensor v, long[] shape) {
        if (v.size() == 1) {
            Tensor one = ShapeOps.reshape(v, new long[0]);
            return ShapeOps.tile(ShapeOps.reshape(one, ones(shape.length)), shape);
        }
        if (v.size() == Shapes.size(shape)) return ShapeOps.reshape(v, shape);
        throw new NnlError("cannot shape " + v.size() + " values as " + Shapes.show(shape));
    }

    private static long[] ones(int n) {
        long[] s = new long[n];
        Arrays.fill(s, 1);
        return s;
    }

    private static Tensor filled(long[] shape, double value, DType dtype) {
        for (long d : shape) if (d < 0) throw new NnlError("shape " + Shapes.show(shape) + " has a negative dimension");
        double[] data = new double[(int) Shapes.size(shape)];
        Arrays.fill(data, value);
        if (dtype == DType.BOOL) return Tensor.ofDoubles(shape, data, DType.FLOAT32).cast(DType.BOOL);
        return Tensor.ofDoubles(shape, data, dtype);
    }

    private static Tensor like(Args a, double value) {
        Tensor x = a.tensor(0);
        return filled(x.shape(), value, a.isNone(1) ? x.dtype() : a.dtype(1));
    }

    /** numpy arange / tf.range: ints give integer tensors, any float gives floats; the length is ceil((stop-start)/step). */
    private static Tensor range(Args a, DType intType, DType floatType) {
        Object start = a.isNone(1) ? 0L : a.get(0);
        Object stop = a.isNone(1) ? a.get(0) : a.get(1);
        Object step = a.get(2);
        boolean floats = start instanceof Double || stop instanceof Double || step instanceof Double;
        DType dtype = a.isNone(3) ? (floats ? floatType : intType) : a.dtype(3);
        double s = Values.toDouble(start);
        double e = Values.toDouble(stop);
        double d = Values.toDouble(step);
        if (d == 0) throw new NnlError("range step must not be zero");
        long n = Math.max(0, (long) Math.ceil((e - s) / d));
        double[] data = new double[(int) n];
        for (int i = 0; i < n; i++) data[i] = s + i * d;
        return Tensor.ofDoubles(new long[] {n}, data, dtype);
    }
}
