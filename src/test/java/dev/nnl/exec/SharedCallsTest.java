package dev.nnl.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.Gradients;
import dev.nnl.ir.Graph;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Node;
import dev.nnl.ir.Ops;
import dev.nnl.ir.Topology;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.Conv2DOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A convolution's two gradients are one ND4J call; a plan runs it once for both, and only for a matching pair. */
class SharedCallsTest {
    private static final Attrs SAME = Attrs.of("strides", new int[] {1, 1}, "padding", "SAME");

    private final Graph graph = new Graph();
    private final Variable image = Variable.create(graph, "image", Tensor.zeros(new long[] {2, 5, 5, 3}, DType.FLOAT32), true);
    private final Variable filter = Variable.create(graph, "filter", Tensor.zeros(new long[] {3, 3, 3, 4}, DType.FLOAT32), true);

    @Test
    void bothGradientsOfAConvolutionAreOneGroup() {
        List<Node> grads = gradients(conv(image, filter), List.of(image, filter));
        Map<Node, List<Node>> groups = SharedCalls.find(Topology.order(grads));
        assertEquals(1, groups.size());
        List<Node> group = groups.values().iterator().next();
        assertEquals(2, group.size());
        assertTrue(group.containsAll(grads));
    }

    @Test
    void aSingleGradientOrGradientsOfDifferentConvolutionsAreNot() {
        assertEquals(Map.of(), SharedCalls.find(Topology.order(gradients(conv(image, filter), List.of(filter)))));
        Variable other = Variable.create(graph, "other", Tensor.zeros(new long[] {3, 3, 3, 4}, DType.FLOAT32), true);
        GraphTensor a = conv(image, filter);
        GraphTensor b = conv(image, other);
        GraphTensor sum = (GraphTensor) Ops.apply(graph, dev.nnl.ir.ops.BinaryOp.ADD, Attrs.NONE, null, a, b);
        List<Node> grads = gradients(sum, List.of(filter, other));
        assertEquals(Map.of(), SharedCalls.find(Topology.order(grads)));
    }

    private GraphTensor conv(Variable x, Variable f) {
        return (GraphTensor) Ops.apply(graph, Conv2DOp.INSTANCE, SAME, null, x.read(null), f.read(null));
    }

    private List<Node> gradients(GraphTensor y, List<Variable> of) {
        GraphTensor loss = (GraphTensor) Ops.apply(graph, ReduceOp.SUM, Attrs.of("axes", new int[] {0, 1, 2, 3}, "keepdims", false), null, y);
        return Gradients.of(graph, loss.node(), of.stream().map(v -> List.of(v.readNode())).toList(), null);
    }
}
