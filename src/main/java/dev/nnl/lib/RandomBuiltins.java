package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Values;
import dev.nnl.rng.RandomState;
import dev.nnl.rng.TfRandom;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** TensorFlow's Philox-based random ops and numpy's RandomState, reproducing both bit for bit. */
final class RandomBuiltins {
    private RandomBuiltins() {}

    static void register(BuiltinTable t) {
        t.define("random_normal", "shape, mean=0.0, stddev=1.0, dtype=float32, seed=none",
                a -> normal(a, false));
        t.define("truncated_normal", "shape, mean=0.0, stddev=1.0, dtype=float32, seed=none",
                a -> normal(a, true));
        t.define("random_uniform", "shape, minval=0, maxval=none, dtype=float32, seed=none", RandomBuiltins::uniform);
        t.define("set_seed | set_random_seed", "seed", a -> {
            a.session().random().setSeed(a.integer(0));
            return null;
        });
        t.define("RandomState", "seed=none", a -> new RandomState(a.isNone(0) ? 0 : a.integer(0)));
        t.define("np_seed", "seed", a -> {
            a.session().random().numpySeed(a.integer(0));
            return null;
        });
        t.define("shuffle", "x", a -> shuffled(a.session().random().numpy(), a.get(0)));
        t.define("permutation", "x", a -> permutation(a.session().random().numpy(), a.get(0)));
        t.define("rand", "*shape", a -> rand(a.session().random().numpy(), a.rest()));
        t.define("randn", "*shape", a -> randn(a.session().random().numpy(), a.rest()));
        t.define("randint", "low, high=none, size=none", a -> randint(a.session().random().numpy(), a, 0));
        t.define("np_uniform", "low=0.0, high=1.0, size=none", a -> uniformNp(a.session().random().numpy(), a, 0));
        t.define("np_normal", "loc=0.0, scale=1.0, size=none", a -> normalNp(a.session().random().numpy(), a, 0));
    }

    static void registerMethods(MethodTable m) {
        m.method(RandomState.class, "rand", "self, *shape", a -> rand(state(a), a.rest()));
        m.method(RandomState.class, "randn", "self, *shape", a -> randn(state(a), a.rest()));
        m.method(RandomState.class, "uniform", "self, low=0.0, high=1.0, size=none", a -> uniformNp(state(a), a, 1));
        m.method(RandomState.class, "normal", "self, loc=0.0, scale=1.0, size=none", a -> normalNp(state(a), a, 1));
        m.method(RandomState.class, "randint", "self, low, high=none, size=none", a -> randint(state(a), a, 1));
        m.method(RandomState.class, "shuffle", "self, x", a -> shuffled(state(a), a.get(1)));
        m.method(RandomState.class, "permutation", "self, x", a -> permutation(state(a), a.get(1)));
        m.method(RandomState.class, "seed", "self, seed", a -> {
            state(a).seed(a.integer(1));
            return null;
        });
    }

    private static RandomState state(Args a) {
        return (RandomState) a.get(0);
    }

    // ---- TensorFlow

    private static Tensor normal(Args a, boolean truncated) {
        long[] shape = a.shape(0);
        int n = count(shape);
        DType dtype = a.dtype(3);
        TfRandom kernel = a.session().random().kernel((truncated ? "truncated_normal " : "random_normal ") + dtype, a.optInteger(4));
        if (dtype == DType.FLOAT64) {
            double[] z = kernel.normalDouble(n);
            for (int i = 0; i < n; i++) z[i] = z[i] * a.number(2) + a.number(1);
            return Tensor.ofDoubles(shape, z, dtype);
        }
        if (dtype != DType.FLOAT32) throw a.wrong(3, "float32 or float64");
        float[] z = truncated ? kernel.truncatedNormal(n) : kernel.normal(n);
        float stddev = (float) a.number(2);
        float mean = (float) a.number(1);
        for (int i = 0; i < n; i++) z[i] = z[i] * stddev + mean;
        return Tensor.ofFloats(shape, z);
    }

    private static Tensor uniform(Args a) {
        long[] shape = a.shape(0);
        int n = count(shape);
        DType dtype = a.dtype(3);
        TfRandom kernel = a.session().random().kernel("random_uniform " + dtype, a.optInteger(4));
        if (dtype.isInteger()) {
            if (a.isNone(2)) throw new NnlError("random_uniform with an integer dtype needs maxval");
            int[] v = kernel.uniformInt(n, (int) a.integer(1), (int) a.integer(2));
            long[] data = new long[n];
            for (int i = 0; i < n; i++) data[i] = v[i];
            return Tensor.ofLongs(shape, data, dtype);
        }
        double lo = a.number(1);
        double hi = a.isNone(2) ? 1.0 : a.number(2);
        if (dtype == DType.FLOAT64) {
            double[] u = kernel.uniformDouble(n);
            for (int i = 0; i < n; i++) u[i] = u[i] * (hi - lo) + lo;
            return Tensor.ofDoubles(shape, u, dtype);
        }
        float[] u = kernel.uniform(n);
        float range = (float) hi - (float) lo;
        for (int i = 0; i < n; i++) u[i] = u[i] * range + (float) lo;
        return Tensor.ofFloats(shape, u);
    }

    private static int count(long[] shape) {
        for (long d : shape) if (d < 0) throw new NnlError("shape " + Shapes.show(shape) + " has a negative dimension");
        long n = Shapes.size(shape);
        if (n > Integer.MAX_VALUE) throw new NnlError("shape " + Shapes.show(shape) + " is too large");
        return (int) n;
    }

    // ---- numpy

    /** numpy's shape arguments: rand(32, 2) or a size=(32, 2) tuple; no shape means one host float. */
    private static long[] npShape(List<Object> dims) {
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = Values.toLong(dims.get(i));
        return shape;
    }

    private static long[] sizeArg(Args a, int i) {
        return a.isNone(i) ? null : a.shape(i);
    }

    private interface Draw {
        double next();
    }

    private static Object draws(long[] shape, Draw draw) {
        if (shape == null) return draw.next();
        double[] data = new double[count(shape)];
        for (int i = 0; i < data.length; i++) data[i] = draw.next();
        return Tensor.ofDoubles(shape, data, DType.FLOAT64);
    }

    private static Object rand(RandomState rs, List<Object> dims) {
        return draws(dims.isEmpty() ? null : npShape(dims), rs::rand);
    }

    private static Object randn(RandomState rs, List<Object> dims) {
        return draws(dims.isEmpty() ? null : npShape(dims), rs::randn);
    }

    private static Object uniformNp(RandomState rs, Args a, int first) {
        double lo = a.number(first);
        double hi = a.number(first + 1);
        return draws(sizeArg(a, first + 2), () -> rs.uniform(lo, hi));
    }

    private static Object normalNp(RandomState rs, Args a, int first) {
        double mean = a.number(first);
        double sd = a.number(first + 1);
        return draws(sizeArg(a, first + 2), () -> rs.normal(mean, sd));
    }

    private static Object randint(RandomState rs, Args a, int first) {
        long lo = a.isNone(first + 1) ? 0 : a.integer(first);
        long hi = a.isNone(first + 1) ? a.integer(first) : a.integer(first + 1);
        if (hi <= lo) throw new NnlError("randint: low " + lo + " must be below high " + hi);
        long[] shape = sizeArg(a, first + 2);
        if (shape == null) return rs.randint(lo, hi);
        long[] data = new long[count(shape)];
        for (int i = 0; i < data.length; i++) data[i] = rs.randint(lo, hi);
        return Tensor.ofLongs(shape, data, DType.INT64);
    }

    /** numpy's shuffle draws, applied to a copy: the rows of an array, or the items of a list (as an array). */
    private static Tensor shuffled(RandomState rs, Object x) {
        Tensor t = Values.toNumpyArray(x, null);
        if (t.rank() == 0) throw new NnlError("shuffle needs an array or a list, got a scalar");
        int[] order = rs.shuffleOrder((int) t.shape()[0]);
        long[] idx = new long[order.length];
        for (int i = 0; i < idx.length; i++) idx[i] = order[i];
        List<Slicing.Index> index = new ArrayList<>();
        index.add(new Slicing.Take(idx, new long[] {idx.length}));
        return Slicing.get(t, index);
    }

    private static Tensor permutation(RandomState rs, Object x) {
        if (x instanceof Long n) return Tensor.ofLongs(new long[] {n}, rs.permutation(n.intValue()), DType.INT64);
        return shuffled(rs, x);
    }
}
