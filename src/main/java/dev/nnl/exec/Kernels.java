package dev.nnl.exec;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.Node;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.ConcatOp;
import dev.nnl.ir.ops.GatherOp;
import dev.nnl.ir.ops.GradientOps;
import dev.nnl.ir.ops.MatMulOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.ir.ops.SliceOp;
import dev.nnl.ir.ops.SlicesGradOp;
import dev.nnl.ir.ops.TransposeOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.ir.ops.WhereOp;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Functions;
import dev.nnl.tensor.Gathering;
import dev.nnl.tensor.IndexMaps;
import dev.nnl.tensor.Loops;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Chooses the kernel for a node. Small tensors are computed in Java loops over the arrays' memory, with every
 * float32 result rounded as float32 arithmetic rounds it (so sums accumulate in order, as the course's numbers
 * were computed); large matrix products and the rarer ops use the op's own ND4J kernel, and ops that are one ND4J
 * call (convolution, pooling) run it into the plan's buffers.
 */
final class Kernels {
    /** Above this many multiply-adds a matrix product goes to BLAS. */
    private static final long JAVA_MATMUL_LIMIT = 1 << 16;

    private Kernels() {}

    /** Whether the node's kernel is an ND4J one even when its output is small: matrix products too large for Java loops. */
    static boolean needsNativeOutput(Node node, List<long[]> inShapes) {
        return node.op() == MatMulOp.INSTANCE && node.type().rank() == 2 && inShapes.get(0).length == 2
                && (long) inShapes.get(0)[0] * inShapes.get(0)[1] * inShapes.get(1)[1] > JAVA_MATMUL_LIMIT;
    }

    static Kernel create(Node node, Slot out, List<Slot> in, long[] outShape, List<long[]> inShapes) {
        Kernel nd4j = NativeKernel.create(node, out, in, inShapes);
        if (nd4j != null) return nd4j;
        Kernel large = LargeKernels.create(node, out, in, outShape);
        if (large != null) return large;
        Object op = node.op();
        if (op instanceof BinaryOp b && node.type().dtype().isFloating()) {
            return binary(out, in.get(0), in.get(1), outShape, inShapes.get(0), inShapes.get(1), arithmetic(b));
        }
        if (op instanceof CompareOp c) {
            return binary(out, in.get(0), in.get(1), outShape, inShapes.get(0), inShapes.get(1), comparison(c));
        }
        if (op instanceof UnaryOp u && node.type().dtype().isFloating()) {
            DoubleUnaryOperator f = unary(u, node.attrs());
            if (f != null && node.input(0).type().dtype() == node.type().dtype()) return elementwise(out, in.get(0), f);
        }
        if (op == MatMulOp.INSTANCE && outShape.length == 2 && node.type().dtype().isFloating()
                && (long) inShapes.get(0)[0] * inShapes.get(0)[1] * inShapes.get(1)[1] <= JAVA_MATMUL_LIMIT) {
            return matmul(out, in.get(0), in.get(1), inShapes.get(0), inShapes.get(1));
        }
        if (op instanceof ReduceOp r && (r.kind().equals("sum") || r.kind().equals("mean")) && node.type().dtype().isFloating()) {
            boolean[] reduced = reducedAxes(inShapes.get(0), node.attrs().getInts("axes"));
            return sum(out, in.get(0), IndexMaps.reduction(inShapes.get(0), reduced), r.kind().equals("mean"));
        }
        if (op == CastOp.INSTANCE) return elementwise(out, in.get(0), v -> v);
        if (op == ReshapeOp.RESHAPE || op == ReshapeOp.SQUEEZE || op == ReshapeOp.EXPAND_DIMS || op == GradientOps.RESHAPE_LIKE) {
            return elementwise(out, in.get(0), v -> v);
        }
        if (op == TransposeOp.INSTANCE) {
            int[] perm = permutation(node.attrs().getInts("perm"), inShapes.get(0).length);
            return gather(out, in.get(0), IndexMaps.transpose(inShapes.get(0), perm));
        }
        if (op == SliceOp.INSTANCE) {
            return gather(out, in.get(0), toInts(Slicing.sourcePositions(inShapes.get(0), index(node.attrs()))));
        }
        if (op == WhereOp.INSTANCE) return where(out, in, outShape, inShapes);
        if (op == GradientOps.UNBROADCAST) {
            return scatterAdd(out, in.get(0), IndexMaps.broadcast(outShape, inShapes.get(0)));
        }
        if (op == SlicesGradOp.INSTANCE) {
            List<int[]> targets = new ArrayList<>();
            for (List<Slicing.Index> index : SlicesGradOp.indices(node.attrs())) targets.add(toInts(Slicing.sourcePositions(outShape, index)));
            return scatterAdd(out, in.subList(1, in.size()), targets);
        }
        if (op == GradientOps.ONES_LIKE) return fill(out, 1);
        if (op == GradientOps.REDUCE_GRAD) {
            String kind = (String) node.attrs().get("kind");
            if (kind.equals("sum") || kind.equals("mean")) {
                boolean[] reduced = reducedAxes(outShape, node.attrs().getInts("axes"));
                int[] map = IndexMaps.reduction(outShape, reduced);
                int count = IndexMaps.size(outShape) / Math.max(1, IndexMaps.size(inShapes.get(0)));
                return spread(out, in.get(0), map, kind.equals("mean") ? count : 1);
            }
        }
        if (op == ConcatOp.INSTANCE) return concat(out, in, inShapes, node.attrs().getInt("axis"));
        if (op instanceof GatherOp g) return gathered(g, node.attrs(), out, in, inShapes);
        return generic(node, out, in);
    }

    // ---- elementwise

    private static DoubleBinaryOperator arithmetic(BinaryOp op) {
        return Functions.arithmetic(op.name());
    }

    private static DoubleBinaryOperator comparison(CompareOp op) {
        return Functions.comparison(op.symbol());
    }

    /** Elementwise functions computed in double and rounded to the dtype; null when only ND4J has it. */
    private static DoubleUnaryOperator unary(UnaryOp op, Attrs attrs) {
        if (op == UnaryOp.LEAKY_RELU) return Functions.leakyRelu(attrs.getDouble("alpha"));
        if (op == UnaryOp.CLIP) return Functions.clip(attrs.getDouble("min"), attrs.getDouble("max"));
        return Functions.unary(op.name());
    }

    private static Kernel elementwise(Slot out, Slot x, DoubleUnaryOperator f) {
        return () -> {
            View o = out.view();
            View a = x.view();
            int n = out.size();
            for (int i = 0; i < n; i++) o.set(i, f.applyAsDouble(a.get(i)));
        };
    }

    private static Kernel binary(Slot out, Slot x, Slot y, long[] outShape, long[] xs, long[] ys, DoubleBinaryOperator f) {
        int[] mx = IndexMaps.broadcast(xs, outShape);
        int[] my = IndexMaps.broadcast(ys, outShape);
        // a float32 operand read back as a double is exact, and one operation on two such values rounded to float32
        // is float32 arithmetic, so the set() rounding gives TF's float results
        return () -> {
            View o = out.view();
            View a = x.view();
            View b = y.view();
            int n = mx.length;
            for (int i = 0; i < n; i++) o.set(i, f.applyAsDouble(a.get(mx[i]), b.get(my[i])));
        };
    }

    private static Kernel where(Slot out, List<Slot> in, long[] outShape, List<long[]> inShapes) {
        int[] mc = IndexMaps.broadcast(inShapes.get(0), outShape);
        int[] mx = IndexMaps.broadcast(inShapes.get(1), outShape);
        int[] my = IndexMaps.broadcast(inShapes.get(2), outShape);
        return () -> {
            View o = out.view();
            View c = in.get(0).view();
            View a = in.get(1).view();
            View b = in.get(2).view();
            for (int i = 0; i < mc.length; i++) o.set(i, c.get(mc[i]) != 0 ? a.get(mx[i]) : b.get(my[i]));
        };
    }

    // ---- products and reductions (sequential accumulation, rounded each step)

    private static Kernel matmul(Slot out, Slot x, Slot y, long[] xs, long[] ys) {
        int m = (int) xs[0];
        int k = (int) xs[1];
        int n = (int) ys[1];
        return () -> Loops.matmulInto(out.view(), x.view(), y.view(), m, k, n);
    }

    private static Kernel sum(Slot out, Slot x, int[] map, boolean mean) {
        int outSize = out.size();
        double[] acc = new double[outSize];
        int count = outSize == 0 ? 0 : map.length / outSize;
        return () -> {
            View o = out.view();
            View a = x.view();
            java.util.Arrays.fill(acc, 0);
            for (int i = 0; i < map.length; i++) acc[map[i]] = o.round(acc[map[i]] + a.get(i));
            for (int j = 0; j < outSize; j++) o.set(j, mean ? acc[j] / count : acc[j]);
        };
    }

    /** The gradient of a sum or mean: each input position gets its output's gradient (divided by the count). */
    private static Kernel spread(Slot out, Slot dy, int[] map, int divisor) {
        return () -> {
            View o = out.view();
            View g = dy.view();
            for (int i = 0; i < map.length; i++) o.set(i, divisor == 1 ? g.get(map[i]) : g.get(map[i]) / divisor);
        };
    }

    private static Kernel scatterAdd(Slot out, Slot x, int[] target) {
        return scatterAdd(out, List.of(x), List.of(target));
    }

    /** Zeros, then each part added in order at its target positions. */
    private static Kernel scatterAdd(Slot out, List<Slot> parts, List<int[]> targets) {
        return () -> {
            View o = out.view();
            int n = out.size();
            for (int i = 0; i < n; i++) o.set(i, 0);
            for (int k = 0; k < parts.size(); k++) {
                View a = parts.get(k).view();
                int[] target = targets.get(k);
                for (int i = 0; i < target.length; i++) o.set(target[i], o.round(o.get(target[i]) + a.get(i)));
            }
        };
    }

    // ---- data movement

    private static Kernel gather(Slot out, Slot x, int[] source) {
        return () -> {
            View o = out.view();
            View a = x.view();
            for (int i = 0; i < source.length; i++) o.set(i, a.get(source[i]));
        };
    }

    /** gather reads its indices at run time (they are data, such as word ids), and so does its gradient. */
    private static Kernel gathered(GatherOp op, Attrs attrs, Slot out, List<Slot> in, List<long[]> inShapes) {
        if (op == GatherOp.GATHER) {
            Gathering g = GatherOp.gathering(inShapes.get(0), inShapes.get(1), attrs);
            return () -> g.gather(in.get(0).view(), in.get(1).view(), out.view());
        }
        Gathering g = GatherOp.gathering(inShapes.get(2), inShapes.get(1), attrs);
        return () -> g.scatterAdd(in.get(0).view(), in.get(1).view(), out.view(), out.size());
    }

    private static Kernel concat(Slot out, List<Slot> in, List<long[]> inShapes, int axisAttr) {
        int axis = Shapes.axis(axisAttr, inShapes.get(0).length);
        List<int[]> targets = new ArrayList<>();
        long offset = 0;
        long total = 0;
        for (long[] s : inShapes) total += s[axis];
        for (long[] s : inShapes) {
            long[] outShape = s.clone();
            outShape[axis] = total;
            int[] outStrides = IndexMaps.strides(outShape);
            int n = IndexMaps.size(s);
            int[] target = new int[n];
            int[] counter = new int[s.length];
            for (int i = 0; i < n; i++) {
                int pos = 0;
                for (int k = 0; k < s.length; k++) pos += (counter[k] + (k == axis ? offset : 0)) * outStrides[k];
                target[i] = pos;
                for (int k = s.length - 1; k >= 0; k--) {
                    if (++counter[k] < s[k]) break;
                    counter[k] = 0;
                }
            }
            targets.add(target);
            offset += s[axis];
        }
        return () -> {
            View o = out.view();
            for (int p = 0; p < targets.size(); p++) {
                View a = in.get(p).view();
                int[] target = targets.get(p);
                for (int i = 0; i < target.length; i++) o.set(target[i], a.get(i));
            }
        };
    }

    private static Kernel fill(Slot out, double value) {
        return () -> {
            View o = out.view();
            for (int i = 0; i < out.size(); i++) o.set(i, value);
        };
    }

    /** Any op: its own kernel on the input tensors, the result copied into the preallocated output. */
    private static Kernel generic(Node node, Slot out, List<Slot> in) {
        return () -> {
            List<Tensor> inputs = new ArrayList<>(in.size());
            for (Slot s : in) {
                s.tensor().forgetArrayCopy(); // its elements may have changed since the last run
                inputs.add(s.tensor());
            }
            Tensor result = node.op().compute(inputs, node.attrs());
            if (out.tensor().heap() == null) {
                out.array().assign(result.array().reshape(out.array().shape()));
            } else {
                View o = out.view();
                View r = result.view();
                for (int i = 0; i < out.size(); i++) o.set(i, r.get(i));
            }
        };
    }

    // ---- attribute helpers

    private static boolean[] reducedAxes(long[] shape, int[] axes) {
        boolean[] r = new boolean[shape.length];
        if (axes == null) java.util.Arrays.fill(r, true);
        else for (int a : axes) r[Shapes.axis(a, shape.length)] = true;
        return r;
    }

    private static int[] permutation(int[] perm, int rank) {
        if (perm != null) {
            int[] p = new int[rank];
            for (int i = 0; i < rank; i++) p[i] = Shapes.axis(perm[i], rank);
            return p;
        }
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) p[i] = rank - 1 - i;
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Slicing.Index> index(Attrs attrs) {
        return (List<Slicing.Index>) attrs.get("index");
    }

    private static int[] toInts(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (int) a[i];
        return out;
    }
}
