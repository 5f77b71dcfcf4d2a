package dev.nnl.exec;

import dev.nnl.ir.Node;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.GradientOps;
import dev.nnl.ir.ops.MatMulOp;
import dev.nnl.ir.ops.ReduceOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.tensor.Nd4jCall;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.TensorOps;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Kernels for tensors too large for Java loops: ND4J's vectorized ops, writing into the plan's preallocated output
 * so that a training step leaves no native temporaries behind. Null when an op has no such kernel here.
 */
final class LargeKernels {
    private static final Map<String, String> BINARY = Map.of("add", "add", "subtract", "subtract",
            "multiply", "multiply", "divide", "divide", "maximum", "maximum", "minimum", "minimum");

    private LargeKernels() {}

    static Kernel create(Node node, Slot out, List<Slot> in, long[] outShape) {
        if (node.op() == GradientOps.UNBROADCAST && in.get(0).tensor().heap() == null) {
            return unbroadcast(out, in.get(0), Shapes.broadcastAxes(in.get(0).tensor().shape(), outShape));
        }
        if (out.tensor().heap() == null && node.op() == CastOp.INSTANCE) return () -> out.array().assign(in.get(0).array());
        if (out.tensor().heap() == null && node.op() instanceof CompareOp c) {
            String name = c.name().equals("equal") ? "equals" : c.name().equals("not_equal") ? "not_equals" : c.name();
            return () -> Nd4j.exec(DynamicCustomOp.builder(name).addInputs(in.get(0).array(), in.get(1).array())
                    .addOutputs(out.array()).build());
        }
        if (!node.type().dtype().isFloating()) return null;
        if (out.tensor().heap() == null && node.op() == GradientOps.REDUCE_GRAD) {
            String kind = (String) node.attrs().get("kind");
            if (kind.equals("sum") || kind.equals("mean")) return spread(node, out, in.get(0), outShape, kind.equals("mean"));
        }
        if (node.op() instanceof ReduceOp r && (r.kind().equals("sum") || r.kind().equals("mean"))
                && in.get(0).tensor().heap() == null) {
            return reduction(r.kind(), node, out, in.get(0));
        }
        if (out.tensor().heap() != null) return null;
        if (node.op() instanceof BinaryOp b && BINARY.containsKey(b.name())) {
            String name = BINARY.get(b.name());
            return () -> Nd4j.exec(DynamicCustomOp.builder(name).addInputs(in.get(0).array(), in.get(1).array())
                    .addOutputs(out.array()).build());
        }
        if (node.op() == MatMulOp.INSTANCE && outShape.length == 2) return new NativeKernel(Nd4jCall.MATMUL, out, in);
        if (node.op() instanceof UnaryOp u && node.input(0).type().dtype() == node.type().dtype()) {
            InPlace f = inPlace(u.name());
            if (f != null) {
                return () -> {
                    out.array().assign(in.get(0).array());
                    f.apply(out.array());
                };
            }
        }
        return null;
    }

    /** The gradient of a sum or mean over a large input: the upstream gradient broadcast back (and divided). */
    private static Kernel spread(Node node, Slot out, Slot dy, long[] outShape, boolean mean) {
        boolean[] reduced = new boolean[outShape.length];
        for (int d : axes(node.attrs().getInts("axes"), outShape.length)) reduced[d] = true;
        long[] kept = outShape.clone();
        long count = 1;
        for (int i = 0; i < kept.length; i++) {
            if (reduced[i]) {
                count *= kept[i];
                kept[i] = 1;
            }
        }
        long divisor = count;
        return () -> {
            INDArray target = out.array();
            target.assign(TensorOps.broadcastTo(dy.array().reshape(kept), outShape));
            if (mean) target.divi(divisor);
        };
    }

    /** A broadcast gradient summed back to its input's shape, over the axes that were broadcast. */
    private static Kernel unbroadcast(Slot out, Slot grad, int[] axes) {
        return () -> {
            INDArray g = grad.array();
            copy(axes.length == 0 ? g : g.sum(axes), out);
        };
    }

    private static void copy(INDArray r, Slot out) {
        if (out.tensor().heap() == null) {
            out.array().assign(r.reshape(out.array().shape()));
        } else {
            dev.nnl.tensor.View o = out.view();
            dev.nnl.tensor.View v = new dev.nnl.tensor.Tensor(r.dup('c')).view();
            for (int i = 0; i < out.size(); i++) o.set(i, v.get(i));
        }
    }

    /** A sum or mean of a large input; a whole-tensor reduction gives its number without an array. */
    private static Kernel reduction(String kind, Node node, Slot out, Slot x) {
        int[] dims = axes(node.attrs().getInts("axes"), node.input(0).type().rank());
        boolean all = dims.length == node.input(0).type().rank();
        boolean mean = kind.equals("mean");
        if (all) {
            return () -> {
                INDArray a = x.array();
                out.view().set(0, mean ? a.meanNumber().doubleValue() : a.sumNumber().doubleValue());
            };
        }
        return () -> {
            INDArray a = x.array();
            copy(mean ? a.mean(dims) : a.sum(dims), out);
        };
    }

    @FunctionalInterface
    private interface InPlace {
        void apply(INDArray x);
    }

    private static InPlace inPlace(String name) {
        return switch (name) {
            case "relu" -> x -> Transforms.relu(x, false);
            case "sigmoid" -> x -> Transforms.sigmoid(x, false);
            case "tanh" -> x -> Transforms.tanh(x, false);
            case "exp" -> x -> Transforms.exp(x, false);
            case "log" -> x -> Transforms.log(x, false);
            case "sqrt" -> x -> Transforms.sqrt(x, false);
            case "square" -> x -> x.muli(x);
            case "negative" -> INDArray::negi;
            case "abs" -> x -> Transforms.abs(x, false);
            default -> null;
        };
    }

    private static int[] axes(int[] axes, int rank) {
        if (axes == null) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = Shapes.axis(axes[i], rank);
        return out;
    }
}
