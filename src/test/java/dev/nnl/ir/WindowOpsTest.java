package dev.nnl.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnl.ir.ops.Conv2DOp;
import dev.nnl.ir.ops.Pool2DOp;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.ShapeError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** conv2d and the pools applied from Java, as layers apply them: shapes of recipes, values of tensors, errors. */
class WindowOpsTest {
    private static final long U = Shapes.UNKNOWN;

    private final Graph graph = new Graph();

    @Test
    void recipesGetTfsOutputShapesAndKeepUnknownDimensions() {
        GraphTensor x = input(new String[] {"batch", null, null, null}, U, 28, 27, 3);
        GraphTensor y = (GraphTensor) Ops.apply(graph, Conv2DOp.INSTANCE,
                Attrs.of("strides", new int[] {2, 2}, "padding", "SAME"), null, x, zeros(5, 5, 3, 8));
        assertEquals("[batch, 14, 14, 8]", y.type().showShape());
        GraphTensor p = (GraphTensor) Ops.apply(graph, Pool2DOp.MAX,
                Attrs.of("ksize", new int[] {2, 2}, "strides", new int[] {2, 2}, "padding", "VALID"), null, y);
        assertEquals("[batch, 7, 7, 8]", p.type().showShape());
        GraphTensor open = input(new String[4], U, U, 9, 3);
        GraphTensor v = (GraphTensor) Ops.apply(graph, Conv2DOp.INSTANCE,
                Attrs.of("strides", new int[] {1, 3}, "padding", "VALID"), null, open, zeros(2, 3, 3, 1));
        assertArrayEquals(new long[] {U, U, 3, 1}, v.type().dims());
    }

    @Test
    void tensorsGetValues() {
        Tensor x = Tensor.ofDoubles(new long[] {1, 3, 3, 1}, new double[] {1, -1, 0, -1, 2, 1, 0, 2, -2}, DType.FLOAT32);
        Tensor f = Tensor.ofDoubles(new long[] {2, 2, 1, 1}, new double[] {1, -1, 0, 2}, DType.FLOAT32);
        Tensor y = (Tensor) Ops.apply(null, Conv2DOp.INSTANCE, Attrs.of("strides", new int[] {2, 2}, "padding", "SAME"),
                null, x, f);
        assertArrayEquals(new double[] {6, 0, -2, -2}, y.doubles());
        Tensor avg = (Tensor) Ops.apply(null, Pool2DOp.AVG,
                Attrs.of("ksize", new int[] {2, 2}, "strides", new int[] {2, 2}, "padding", "SAME"), null, x);
        assertArrayEquals(new double[] {0.25, 0.5, 1, -2}, avg.doubles());
    }

    @Test
    void mismatchesAreShapeErrors() {
        GraphTensor x = input(new String[4], U, 4, 4, 3);
        Attrs valid = Attrs.of("strides", new int[] {1, 1}, "padding", "VALID");
        assertEquals("conv2d: input has 3 channels but the filter expects 1",
                assertThrows(ShapeError.class, () -> Ops.apply(graph, Conv2DOp.INSTANCE, valid, null, x, zeros(3, 3, 1, 2)))
                        .getMessage());
        assertEquals("conv2d: the 5x5 filter does not fit the 4x4 input with VALID padding",
                assertThrows(ShapeError.class, () -> Ops.apply(graph, Conv2DOp.INSTANCE, valid, null, x, zeros(5, 5, 3, 2)))
                        .getMessage());
        assertEquals("max_pool: padding must be 'SAME' or 'VALID', got 'FULL'",
                assertThrows(ShapeError.class, () -> Ops.apply(graph, Pool2DOp.MAX,
                        Attrs.of("ksize", new int[] {2, 2}, "strides", new int[] {2, 2}, "padding", "FULL"), null, x))
                        .getMessage());
    }

    private GraphTensor input(String[] names, long... dims) {
        TensorType type = new TensorType(DType.FLOAT32, dims, names);
        return new GraphTensor(graph.node(InputOp.INSTANCE, List.of(), Attrs.of("type", type, "name", "x"), type, null, null), null);
    }

    private static Tensor zeros(long... shape) {
        return Tensor.zeros(shape, DType.FLOAT32);
    }
}
