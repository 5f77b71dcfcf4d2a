package dev.nnl.opt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.exec.PlanCompiler;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.Evaluator;
import dev.nnl.ir.Graph;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Node;
import dev.nnl.ir.Ops;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.Topology;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.MatMulOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.TransposeOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.syntax.Source;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pass keeps results: random graphs (with repeated subexpressions and constant-only parts, so the passes have
 * work to do) give the same values compiled with no pass, each pass alone, and the whole pipeline, as evaluated
 * op by op.
 */
class PassTest {
    private static final Span AT = Span.of(new Source("test.nnl", "x"), 1, 1, 1);
    private static final Span ELSEWHERE = Span.of(new Source("test.nnl", "x"), 1, 5, 1);
    private static final List<List<String>> PIPELINES = List.of(List.of(), List.of("fold"), List.of("cse"), PassManager.ALL);

    /** A random graph of 3x3 float64 values over two variables and some constants. */
    private static List<Node> randomGraph(Graph g, Random rnd) {
        List<Object> pool = new ArrayList<>();
        pool.add(Variable.create(g, "a", random(rnd), true).read(null));
        pool.add(Variable.create(g, "b", random(rnd), true).read(null));
        pool.add(random(rnd));
        pool.add(random(rnd));
        for (int i = 0; i < 25; i++) {
            Object x = pool.get(rnd.nextInt(pool.size()));
            Object y = pool.get(rnd.nextInt(pool.size()));
            Object result = switch (rnd.nextInt(8)) {
                case 0 -> Ops.apply(g, BinaryOp.ADD, Attrs.NONE, AT, x, y);
                case 1 -> Ops.apply(g, BinaryOp.MULTIPLY, Attrs.NONE, AT, x, y);
                case 2 -> Ops.apply(g, BinaryOp.SUBTRACT, Attrs.NONE, AT, x, y);
                case 3 -> Ops.apply(g, UnaryOp.TANH, Attrs.NONE, AT, x);
                case 4 -> Ops.apply(g, MatMulOp.INSTANCE, Attrs.NONE, AT, x, y);
                case 5 -> Ops.apply(g, TransposeOp.INSTANCE, Attrs.of("perm", null), AT, x);
                case 6 -> Ops.apply(g, BinaryOp.SUBTRACT, Attrs.NONE, AT, x,
                        Ops.apply(g, ReduceOp.MEAN, Attrs.of("axes", new int[] {0}, "keepdims", true), AT, x));
                default -> Ops.apply(g, UnaryOp.SIGMOID, Attrs.NONE, AT, x);
            };
            pool.add(result);
            if (rnd.nextInt(4) == 0) pool.add(repeat(g, result, x, y));
        }
        List<Node> roots = new ArrayList<>();
        for (int i = pool.size() - 3; i < pool.size(); i++) roots.add(Ops.nodeOf(g, pool.get(i), AT));
        return roots;
    }

    /** The same computation as {@code result} built again from the same operands: work for CSE. */
    private static Object repeat(Graph g, Object result, Object x, Object y) {
        if (!(result instanceof GraphTensor t)) return result;
        OpDef op = t.node().op();
        List<Object> operands = new ArrayList<>();
        for (Node in : t.node().inputs()) operands.add(new GraphTensor(in, in.value()));
        return Ops.apply(g, op, t.node().attrs(), AT, operands);
    }

    private static Tensor random(Random rnd) {
        double[] d = new double[9];
        for (int i = 0; i < d.length; i++) d[i] = rnd.nextDouble() - 0.5;
        return Tensor.ofDoubles(new long[] {3, 3}, d, DType.FLOAT64);
    }

    @TestFactory
    Stream<DynamicTest> passesKeepResultsOnRandomGraphs() {
        return IntStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("random graph " + seed, () -> {
            Graph g = new Graph();
            List<Node> roots = randomGraph(g, new Random(seed));
            List<Tensor> expected = new Evaluator(Map.of(), false).evaluate(roots);
            for (List<String> pipeline : PIPELINES) {
                List<Tensor> got = new PlanCompiler(PassManager.of(pipeline), false).compile(roots, List.of(), Map.of()).run(Map.of());
                for (int i = 0; i < roots.size(); i++) {
                    double[] e = expected.get(i).doubles();
                    double[] a = got.get(i).doubles();
                    for (int k = 0; k < e.length; k++) {
                        assertEquals(e[k], a[k], 1e-12 * Math.max(1, Math.abs(e[k])), "passes " + pipeline + ", root " + i);
                    }
                }
            }
        }));
    }

    @Test
    void foldingReplacesConstantOnlyNodes() {
        Graph g = new Graph();
        Variable v = Variable.create(g, "v", Tensor.scalar(2, DType.FLOAT32), true);
        Object constant = Ops.apply(g, BinaryOp.MULTIPLY, Attrs.NONE, AT, Tensor.scalar(3, DType.FLOAT32), Tensor.scalar(4, DType.FLOAT32));
        Object sum = Ops.apply(g, BinaryOp.ADD, Attrs.NONE, AT, v.read(null),
                Ops.apply(g, UnaryOp.EXP, Attrs.NONE, AT, new GraphTensor(Ops.nodeOf(g, constant, AT), (Tensor) constant)));
        Node root = ((GraphTensor) sum).node();
        PassManager.Result r = PassManager.of(List.of("fold")).run(List.of(root), false);
        assertEquals(3, Topology.order(r.roots()).size(), "read, folded constant, add");
        assertTrue(r.log().get(0).startsWith("fold: 1"), r.log().toString());
    }

    @Test
    void cseMergesRepeatedNodesAndKeepsBothSpans() {
        Graph g = new Graph();
        Variable v = Variable.create(g, "v", Tensor.scalar(2, DType.FLOAT32), true);
        Object a = Ops.apply(g, UnaryOp.SQUARE, Attrs.NONE, AT, v.read(null));
        Object b = Ops.apply(g, UnaryOp.SQUARE, Attrs.NONE, ELSEWHERE, v.read(null));
        Node root = ((GraphTensor) Ops.apply(g, BinaryOp.ADD, Attrs.NONE, AT, a, b)).node();
        PassManager.Result r = PassManager.of(List.of("cse")).run(List.of(root), false);
        Node add = r.roots().get(0);
        assertEquals(add.input(0), add.input(1));
        assertEquals(java.util.Set.of(AT, ELSEWHERE), new java.util.HashSet<>(add.input(0).spans()));
        assertEquals(3, Topology.order(r.roots()).size());
        assertArrayEquals(new float[] {8f}, new PlanCompiler(PassManager.standard(), false)
                .compile(List.of(root), List.of(), Map.of()).run(Map.of()).get(0).array().data().asFloat());
    }
}
