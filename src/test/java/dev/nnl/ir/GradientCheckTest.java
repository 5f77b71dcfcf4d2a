package dev.nnl.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.ConcatOp;
import dev.nnl.ir.ops.Conv2DOp;
import dev.nnl.ir.ops.GatherOp;
import dev.nnl.ir.ops.MatMulOp;
import dev.nnl.ir.ops.Pool2DOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.ReshapeOp;
import dev.nnl.ir.ops.SliceOp;
import dev.nnl.ir.ops.LogSoftmaxOp;
import dev.nnl.ir.ops.SoftmaxOp;
import dev.nnl.ir.ops.TileOp;
import dev.nnl.ir.ops.TransposeOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.ir.ops.WhereOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Slicing;
import dev.nnl.tensor.Slicing.Marker;
import dev.nnl.tensor.Slicing.Point;
import dev.nnl.tensor.Slicing.Slice;
import dev.nnl.tensor.Slicing.Take;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every gradient rule against central finite differences in float64. A case differentiates
 * loss = sum(output * R) for a fixed random R, so the whole Jacobian-vector product is checked rather than only the
 * column sums that a plain sum would see.
 */
class GradientCheckTest {
    private static final double EPS = 1e-6;
    private static final double TOLERANCE = 1e-6;
    private static final long[][][] BROADCASTS = {
        {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{3}, {2, 3}}, {{2, 1}, {1, 3}}, {{}, {2, 2}}, {{2, 2}, {}}};
    /** Rules that return no gradient on purpose: the function is constant almost everywhere. */
    private static final Set<String> PIECEWISE_CONSTANT = Set.of("sign", "floor", "ceil", "round", "floordiv");

    /** "op/input" for every rule a case has checked. */
    private static final Set<String> RULES = ConcurrentHashMap.newKeySet();

    /** The op's output from its differentiable operands (Tensors, or GraphTensors when traced). */
    private interface Forward {
        Object apply(Graph g, List<Object> operands);
    }

    private record Case(String name, String op, Forward forward, List<Tensor> inputs) {}

    private final Random random = new Random(7);

    @AfterAll
    static void report() {
        System.out.println("gradient check: " + RULES.size() + " rules (op x input): " + new TreeSet<>(RULES));
    }

    // ---- the rules, one dynamic test per op and shape

    @TestFactory
    Stream<DynamicTest> binary() {
        List<Case> cases = new ArrayList<>();
        for (BinaryOp op : BinaryOp.all()) {
            if (PIECEWISE_CONSTANT.contains(op.name())) continue;
            for (long[][] s : BROADCASTS) cases.add(check(op, Attrs.NONE, left(op, s[0]), right(op, s[1])));
        }
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> unary() {
        List<Case> cases = new ArrayList<>();
        for (UnaryOp op : UnaryOp.all().values()) {
            if (PIECEWISE_CONSTANT.contains(op.name())) continue;
            Attrs attrs = switch (op.name()) {
                case "leaky_relu" -> Attrs.of("alpha", 0.2);
                case "clip_by_value" -> Attrs.of("min", -0.5, "max", 0.5);
                default -> Attrs.NONE;
            };
            cases.add(check(op, attrs, unaryInput(op, 2, 3)));
            cases.add(check(op, attrs, unaryInput(op)));
        }
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> cast() {
        return tests(List.of(check(CastOp.INSTANCE, Attrs.of("dtype", DType.FLOAT64), uniform(2, 3))));
    }

    @TestFactory
    Stream<DynamicTest> matmul() {
        return tests(List.of(
                check(MatMulOp.INSTANCE, Attrs.NONE, uniform(2, 3), uniform(3, 4)),
                check(MatMulOp.INSTANCE, Attrs.NONE, uniform(2, 2, 3), uniform(3, 2)),
                check(MatMulOp.INSTANCE, Attrs.NONE, uniform(3, 2), uniform(2, 2, 4)),
                check(MatMulOp.INSTANCE, Attrs.NONE, uniform(2, 2, 3), uniform(2, 3, 2))));
    }

    @TestFactory
    Stream<DynamicTest> reductions() {
        int[][] axes = {null, {0}, {1}, {0, 1}, {-1}, {-2, -1}};
        List<Case> cases = new ArrayList<>();
        for (String kind : List.of("sum", "mean", "max", "min", "prod")) {
            ReduceOp op = ReduceOp.of(kind);
            for (int[] a : axes) {
                for (boolean keep : List.of(false, true)) cases.add(check(op, Attrs.of("axes", a, "keepdims", keep), uniform(2, 3)));
            }
            cases.add(check(op, Attrs.of("axes", new int[] {1}, "keepdims", false), uniform(2, 3, 2)));
            cases.add(check(op, Attrs.of("axes", null, "keepdims", false), uniform()));
        }
        // a product's gradient is the product of the other factors, also where a factor is zero
        cases.add(check("rows with no, one and two zeros", ReduceOp.PROD, Attrs.of("axes", new int[] {1}, "keepdims", false),
                tensor(new long[] {3, 3}, 1.5, -1, -2, 0, 0.5, 3, 0, 2, 0)));
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> shapes() {
        return tests(List.of(
                check(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {3, -1}), uniform(2, 3)),
                check(ReshapeOp.RESHAPE, Attrs.of("shape", new long[] {2, 3}), uniform(6)),
                check(ReshapeOp.RESHAPE, Attrs.of("shape", new long[0]), uniform(1, 1)),
                check(ReshapeOp.SQUEEZE, Attrs.of("axes", null), uniform(2, 1, 3, 1)),
                check(ReshapeOp.SQUEEZE, Attrs.of("axes", new int[] {1}), uniform(2, 1, 3)),
                check(ReshapeOp.SQUEEZE, Attrs.of("axes", new int[] {-2}), uniform(2, 1, 3)),
                check(ReshapeOp.EXPAND_DIMS, Attrs.of("axis", 0), uniform(2, 3)),
                check(ReshapeOp.EXPAND_DIMS, Attrs.of("axis", 1), uniform(2, 3)),
                check(ReshapeOp.EXPAND_DIMS, Attrs.of("axis", -1), uniform(2, 3)),
                check(TransposeOp.INSTANCE, Attrs.of("perm", null), uniform(2, 3)),
                check(TransposeOp.INSTANCE, Attrs.of("perm", null), uniform(2, 3, 4)),
                check(TransposeOp.INSTANCE, Attrs.of("perm", new int[] {2, 0, 1}), uniform(2, 3, 4)),
                check(TransposeOp.INSTANCE, Attrs.of("perm", new int[] {-1, 0, 1}), uniform(2, 3, 4)),
                check(TileOp.INSTANCE, Attrs.of("multiples", new long[] {2, 1}), uniform(2, 3)),
                check(TileOp.INSTANCE, Attrs.of("multiples", new long[] {1, 3}), uniform(2, 3)),
                check(TileOp.INSTANCE, Attrs.of("multiples", new long[] {2, 1, 2}), uniform(2, 1, 3))));
    }

    @TestFactory
    Stream<DynamicTest> concat() {
        return tests(List.of(
                check(ConcatOp.INSTANCE, Attrs.of("axis", 0), uniform(2, 3), uniform(1, 3)),
                check(ConcatOp.INSTANCE, Attrs.of("axis", 1), uniform(2, 3), uniform(2, 2)),
                check(ConcatOp.INSTANCE, Attrs.of("axis", -1), uniform(2, 1), uniform(2, 2), uniform(2, 3))));
    }

    @TestFactory
    Stream<DynamicTest> slice() {
        Map<String, List<Slicing.Index>> indices = new LinkedHashMap<>();
        indices.put("x[-1]", List.of(new Point(-1)));
        indices.put("x[1, -2]", List.of(new Point(1), new Point(-2)));
        indices.put("x[::2]", List.of(new Slice(null, null, 2L)));
        indices.put("x[::-1, 1:-1]", List.of(new Slice(null, null, -1L), new Slice(1L, -1L, null)));
        indices.put("x[newaxis, 1, -3::2]", List.of(Marker.NEW_AXIS, new Point(1), new Slice(-3L, null, 2L)));
        indices.put("x[..., 0]", List.of(Marker.ELLIPSIS, new Point(0)));
        indices.put("x[..., newaxis]", List.of(Marker.ELLIPSIS, Marker.NEW_AXIS));
        // a repeated row is gathered twice, so its gradient is the sum of both
        indices.put("x[[[0, 2], [0, -1]]]", List.of(new Take(new long[] {0, 2, 0, -1}, new long[] {2, 2})));
        List<Case> cases = new ArrayList<>();
        indices.forEach((what, index) -> cases.add(check(what, SliceOp.INSTANCE, Attrs.of("index", index), uniform(3, 4))));
        cases.add(check("x[..., 1:]", SliceOp.INSTANCE, Attrs.of("index", List.of(Marker.ELLIPSIS, new Slice(1L, null, null))),
                uniform(2, 3, 2)));
        // gradients of several slices of one tensor are added by one slices_grad, overlaps included
        cases.add(new Case("x[:, 0:2] and x[:, 1:] and x[:, 1] concatenated", "slices_grad",
                (g, in) -> Ops.apply(g, ConcatOp.INSTANCE, Attrs.of("axis", 1), null, columns(g, in.get(0), new Slice(0L, 2L, null)),
                        columns(g, in.get(0), new Slice(1L, null, null)),
                        Ops.apply(g, ReshapeOp.EXPAND_DIMS, Attrs.of("axis", 1), null, columns(g, in.get(0), new Point(1)))),
                List.of(uniform(3, 4))));
        return tests(cases);
    }

    @Test
    void slicesOfOneTensorGetOneGradientNode() {
        Graph g = new Graph();
        Variable x = Variable.create(g, "x", uniform(3, 4), true);
        Object y = Ops.apply(g, ConcatOp.INSTANCE, Attrs.of("axis", 1), null, columns(g, x.read(null), new Slice(0L, 2L, null)),
                columns(g, x.read(null), new Slice(2L, null, null)));
        Node grad = Gradients.of(g, ((GraphTensor) y).node(), List.of(List.of(x.readNode())), null).get(0);
        assertEquals("slices_grad", grad.op().name());
        assertEquals(3, grad.inputs().size());
    }

    private static Object columns(Graph g, Object x, Slicing.Index index) {
        return Ops.apply(g, SliceOp.INSTANCE, Attrs.of("index", List.of(new Slice(null, null, null), index)), null, x);
    }

    @TestFactory
    Stream<DynamicTest> softmax() {
        return tests(List.of(
                check(SoftmaxOp.INSTANCE, Attrs.of("axis", -1), uniform(2, 3)),
                check(SoftmaxOp.INSTANCE, Attrs.of("axis", 0), uniform(2, 3)),
                check(SoftmaxOp.INSTANCE, Attrs.of("axis", 1), uniform(2, 3, 4)),
                check(LogSoftmaxOp.INSTANCE, Attrs.of("axis", -1), uniform(2, 3)),
                check(LogSoftmaxOp.INSTANCE, Attrs.of("axis", 0), uniform(2, 3, 4))));
    }

    /**
     * Images of odd height and width, so that SAME padding is uneven for some windows and strides (one more padding
     * cell at the bottom/right than at the top/left) and even for others.
     */
    @TestFactory
    Stream<DynamicTest> convolution() {
        List<Case> cases = new ArrayList<>();
        for (String padding : List.of("SAME", "VALID")) {
            for (int[] strides : new int[][] {{1, 1}, {2, 2}, {1, 2}}) {
                Attrs attrs = Attrs.of("strides", strides, "padding", padding);
                cases.add(check(Conv2DOp.INSTANCE, attrs, uniform(2, 5, 6, 2), uniform(2, 2, 2, 3)));
                cases.add(check(Conv2DOp.INSTANCE, attrs, uniform(2, 5, 6, 2), uniform(3, 3, 2, 3)));
            }
        }
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> pooling() {
        List<Case> cases = new ArrayList<>();
        for (Pool2DOp op : List.of(Pool2DOp.MAX, Pool2DOp.AVG)) {
            for (String padding : List.of("SAME", "VALID")) {
                for (int[][] window : new int[][][] {{{2, 2}, {2, 2}}, {{3, 3}, {2, 2}}, {{3, 2}, {1, 2}}}) {
                    Attrs attrs = Attrs.of("ksize", window[0], "strides", window[1], "padding", padding);
                    cases.add(check(op, attrs, uniform(2, 5, 7, 3)));
                }
            }
        }
        return tests(cases);
    }

    /** Repeated indices add their gradients; rows never picked get none. */
    @TestFactory
    Stream<DynamicTest> gather() {
        Tensor rows = Tensor.ofLongs(new long[] {2, 3}, new long[] {0, 2, 0, 3, 3, 2}, DType.INT32);
        Tensor columns = Tensor.ofLongs(new long[] {2}, new long[] {1, 1}, DType.INT64);
        return tests(List.of(gather(uniform(4, 3), rows, 0), gather(uniform(2, 4, 3), columns, -1),
                gather(uniform(2, 5, 2), rows, 1)));
    }

    @TestFactory
    Stream<DynamicTest> where() {
        Tensor cond = Tensor.ofBooleans(new long[] {2, 3}, new boolean[] {true, false, false, true, true, false});
        Tensor column = Tensor.ofBooleans(new long[] {2, 1}, new boolean[] {false, true});
        return tests(List.of(
                where(cond, uniform(2, 3), uniform(2, 3)),
                where(cond, uniform(3), uniform()),
                where(column, uniform(1, 3), uniform(2, 3))));
    }

    // ---- reverse mode itself

    @Test
    void gradientsOfSeveralUsesAreAdded() {
        Graph g = new Graph();
        Tensor x0 = uniform(2, 3);
        Variable x = Variable.create(g, "x", x0, true);
        Object square = Ops.apply(g, BinaryOp.MULTIPLY, Attrs.NONE, null, x.read(null), x.read(null));
        GraphTensor y = (GraphTensor) Ops.apply(g, BinaryOp.ADD, Attrs.NONE, null, square, x.read(null));
        Node grad = Gradients.of(g, y.node(), List.of(List.of(x.readNode())), null).get(0);
        double[] expected = Arrays.stream(x0.doubles()).map(v -> 2 * v + 1).toArray();
        assertClose("d(x*x + x)/dx", expected, new Evaluator(Map.of(), true).evaluate(List.of(grad)).get(0).doubles());
    }

    @Test
    void aSourceTheTargetDoesNotDependOnHasNoGradient() {
        Graph g = new Graph();
        Variable x = Variable.create(g, "x", uniform(2), true);
        Variable unused = Variable.create(g, "unused", uniform(2), true);
        GraphTensor y = (GraphTensor) Ops.apply(g, UnaryOp.EXP, Attrs.NONE, null, x.read(null));
        List<Node> grads = Gradients.of(g, y.node(), List.of(List.of(x.readNode()), List.of(unused.readNode())), null);
        assertNotNull(grads.get(0));
        assertNull(grads.get(1));
    }

    // ---- cases

    private static Case check(OpDef op, Attrs attrs, Tensor... inputs) {
        return check(attrs.isEmpty() ? "" : "{" + attrs + "}", op, attrs, inputs);
    }

    /** A case named by op, input shapes and {@code what} distinguishes it. */
    private static Case check(String what, OpDef op, Attrs attrs, Tensor... inputs) {
        String shapes = Arrays.stream(inputs).map(t -> Arrays.toString(t.shape())).collect(Collectors.joining(" "));
        return new Case(op.name() + " " + shapes + " " + what, op.name(), (g, x) -> Ops.apply(g, op, attrs, null, x),
                List.of(inputs));
    }

    /** where's condition is not differentiable, so it is part of the case rather than an input. */
    private static Case where(Tensor cond, Tensor x, Tensor y) {
        String name = "where " + Arrays.toString(cond.shape()) + " " + Arrays.toString(x.shape()) + " " + Arrays.toString(y.shape());
        return new Case(name, "where", (g, in) -> Ops.apply(g, WhereOp.INSTANCE, Attrs.NONE, null, cond, in.get(0), in.get(1)),
                List.of(x, y));
    }

    /** gather's indices are not differentiable, so they are part of the case rather than an input. */
    private static Case gather(Tensor params, Tensor indices, int axis) {
        String name = "gather " + Arrays.toString(params.shape()) + " " + Arrays.toString(indices.shape()) + " axis " + axis;
        return new Case(name, "gather", (g, in) -> Ops.apply(g, GatherOp.GATHER, Attrs.of("axis", axis), null, in.get(0), indices),
                List.of(params));
    }

    private static Stream<DynamicTest> tests(List<Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> verify(c)));
    }

    // ---- the check

    /** Compares the rules' gradients with finite differences, tracing all inputs at once and each one alone. */
    private static void verify(Case c) {
        Tensor out = (Tensor) c.forward().apply(new Graph(), new ArrayList<>(c.inputs()));
        Tensor weights = sample(new Random(c.name().hashCode()), -1, 1, new double[0], out.shape());
        int n = c.inputs().size();
        List<Set<Integer>> tracings = new ArrayList<>();
        tracings.add(IntStream.range(0, n).boxed().collect(Collectors.toSet()));
        if (n > 1) for (int k = 0; k < n; k++) tracings.add(Set.of(k));
        double[][] numeric = new double[n][];
        for (int k = 0; k < n; k++) numeric[k] = numeric(c, k, weights);
        for (Set<Integer> traced : tracings) {
            Map<Integer, Tensor> grads = symbolic(c, weights, traced);
            for (int k : traced) {
                Tensor grad = grads.get(k);
                String what = c.name() + ", input " + k + (traced.size() < n ? " alone" : "");
                assertNotNull(grad, what + ": no gradient");
                assertEquals(DType.FLOAT64, grad.dtype(), what + ": dtype");
                assertArrayEquals(c.inputs().get(k).shape(), grad.shape(), what + ": shape");
                assertClose(what, numeric[k], grad.doubles());
                RULES.add(c.op() + "/" + k);
            }
        }
    }

    /** The gradients the rules give for the traced inputs; the others enter the recipe as constants. */
    private static Map<Integer, Tensor> symbolic(Case c, Tensor weights, Set<Integer> traced) {
        Graph g = new Graph();
        List<Object> operands = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        List<List<Node>> sources = new ArrayList<>();
        for (int k = 0; k < c.inputs().size(); k++) {
            Tensor t = c.inputs().get(k);
            if (!traced.contains(k)) {
                operands.add(t);
                continue;
            }
            Variable v = Variable.create(g, "x" + k, t, true);
            operands.add(v.read(null));
            order.add(k);
            sources.add(List.of(v.readNode()));
        }
        Object out = c.forward().apply(g, operands);
        // a non-scalar target is differentiated as the sum of its elements
        GraphTensor target = (GraphTensor) Ops.apply(g, BinaryOp.MULTIPLY, Attrs.NONE, null, out, weights);
        List<Node> nodes = Gradients.of(g, target.node(), sources, null);
        Map<Integer, Tensor> grads = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            if (nodes.get(i) != null) grads.put(order.get(i), new Evaluator(Map.of(), true).evaluate(List.of(nodes.get(i))).get(0));
        }
        return grads;
    }

    /** d loss / d input k by central differences, element by element. */
    private static double[] numeric(Case c, int k, Tensor weights) {
        double[] grad = new double[(int) c.inputs().get(k).size()];
        for (int j = 0; j < grad.length; j++) {
            grad[j] = (loss(c, k, j, EPS, weights) - loss(c, k, j, -EPS, weights)) / (2 * EPS);
        }
        return grad;
    }

    /** sum(output * weights) with element j of input k moved by delta. */
    private static double loss(Case c, int k, int j, double delta, Tensor weights) {
        List<Object> inputs = new ArrayList<>(c.inputs());
        Tensor x = c.inputs().get(k);
        double[] moved = x.doubles();
        moved[j] += delta;
        inputs.set(k, Tensor.ofDoubles(x.shape(), moved, DType.FLOAT64));
        double[] out = ((Tensor) c.forward().apply(new Graph(), inputs)).doubles();
        double[] w = weights.doubles();
        double sum = 0;
        for (int i = 0; i < out.length; i++) sum += out[i] * w[i];
        return sum;
    }

    private static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": element count");
        for (int j = 0; j < expected.length; j++) {
            double scale = Math.max(1, Math.max(Math.abs(expected[j]), Math.abs(actual[j])));
            if (!(Math.abs(expected[j] - actual[j]) <= TOLERANCE * scale)) {
                fail(what + ", element " + j + ": the rule gives " + actual[j] + ", finite differences " + expected[j]
                        + "\n rule:    " + Arrays.toString(actual) + "\n numeric: " + Arrays.toString(expected));
            }
        }
    }

    // ---- inputs: random, and away from the points where an op is not differentiable

    private Tensor left(BinaryOp op, long[] shape) {
        return op == BinaryOp.POW ? sample(random, 0.5, 2, new double[0], shape) : uniform(shape);
    }

    private Tensor right(BinaryOp op, long[] shape) {
        return op == BinaryOp.DIVIDE || op == BinaryOp.MOD ? avoiding(new double[] {0}, shape) : uniform(shape);
    }

    private Tensor unaryInput(UnaryOp op, long... shape) {
        return switch (op.name()) {
            case "sqrt", "log", "log1p" -> sample(random, 0.5, 2, new double[0], shape);
            case "abs", "reciprocal", "relu", "elu", "leaky_relu" -> avoiding(new double[] {0}, shape);
            case "clip_by_value" -> avoiding(new double[] {-0.5, 0.5}, shape);
            default -> uniform(shape);
        };
    }

    private Tensor uniform(long... shape) {
        return avoiding(new double[0], shape);
    }

    private Tensor avoiding(double[] kinks, long... shape) {
        return sample(random, -2, 2, kinks, shape);
    }

    /** Uniform values in [lo, hi] at least 0.1 from every kink. */
    private static Tensor sample(Random random, double lo, double hi, double[] kinks, long[] shape) {
        double[] v = new double[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            do v[i] = lo + (hi - lo) * random.nextDouble();
            while (near(v[i], kinks));
        }
        return Tensor.ofDoubles(shape, v, DType.FLOAT64);
    }

    private static boolean near(double x, double[] kinks) {
        for (double k : kinks) if (Math.abs(x - k) < 0.1) return true;
        return false;
    }

    private static Tensor tensor(long[] shape, double... values) {
        return Tensor.ofDoubles(shape, values, DType.FLOAT64);
    }
}
