package dev.nnl.exec;

import dev.nnl.ir.Node;
import dev.nnl.ir.ops.NativeOp;
import dev.nnl.tensor.Nd4jCall;
import dev.nnl.tensor.Tensor;
import dev.nnl.tensor.View;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kernel of one ND4J call: ND4J writes straight into the plan's output buffer. Slots on the Java heap pass through
 * native buffers of the kernel's own, and so do the backprop outputs a node does not keep. The buffers and the call's
 * context are made once and freed with the plan, so a run leaves no native temporaries behind.
 */
final class NativeKernel implements Kernel {
    private final Nd4jCall.Runner runner;
    private final Slot out;
    private final List<Slot> in;
    private final INDArray[] inputs;
    /** Per input, the native copy of its slot while that slot holds a heap tensor (made on first use). */
    private final INDArray[] staged;
    private final View[] stagedViews;
    /** The result's buffer when the output slot is on the heap, else null. */
    private final View result;
    private final List<INDArray> own = new ArrayList<>();

    NativeKernel(Nd4jCall call, Slot out, List<Slot> in) {
        this.out = out;
        this.in = in;
        inputs = new INDArray[in.size()];
        staged = new INDArray[in.size()];
        stagedViews = new View[in.size()];
        INDArray[] outputs = new INDArray[call.outputs()];
        DataType dtype = out.tensor().dtype().nd4j;
        for (int k = 0; k < outputs.length; k++) {
            // a backprop op's other outputs are the gradients of the other inputs, shaped like them
            if (k != call.result()) outputs[k] = allocate(dtype, in.get(k).tensor().shape());
        }
        boolean heap = out.tensor().heap() != null;
        outputs[call.result()] = heap ? allocate(dtype, out.tensor().shape()) : out.array();
        result = heap ? View.of(outputs[call.result()]) : null;
        runner = call.runner(outputs);
    }

    /** The kernel for a node whose op is one ND4J call; null for other ops. */
    static Kernel create(Node node, Slot out, List<Slot> in, List<long[]> inShapes) {
        if (!(node.op() instanceof NativeOp op)) return null;
        return new NativeKernel(op.call(inShapes, node.attrs()), out, in);
    }

    @Override
    public void run() {
        for (int i = 0; i < inputs.length; i++) inputs[i] = input(i);
        runner.run(inputs);
        if (result != null) copy(result, out.view(), out.size());
    }

    /** Input slots are bound anew each run (feeds, variables), to heap or native tensors. */
    private INDArray input(int i) {
        Slot slot = in.get(i);
        Tensor t = slot.tensor();
        if (t.heap() == null) return t.array();
        if (staged[i] == null) {
            staged[i] = allocate(t.dtype().nd4j, t.shape());
            stagedViews[i] = View.of(staged[i]);
        }
        copy(slot.view(), stagedViews[i], slot.size());
        return staged[i];
    }

    private static void copy(View from, View to, int n) {
        for (int i = 0; i < n; i++) to.set(i, from.get(i));
    }

    private INDArray allocate(DataType dtype, long[] shape) {
        INDArray a = Nd4j.create(dtype, shape, 'c');
        own.add(a);
        return a;
    }

    @Override
    public void close() {
        for (INDArray a : own) a.close();
        own.clear();
        runner.close();
    }
}
