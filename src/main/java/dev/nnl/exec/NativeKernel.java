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
 * The kernel of one ND4J call: ND4J writes straight into the plan's output buffers. A call may fill several nodes'
 * slots (a backprop op's gradients for two inputs); the outputs no node keeps go to buffers of the kernel's own, and so
 * do slots on the Java heap, copied after each run. The buffers and the call's context are made once and freed with
 * the plan, so a run leaves no native temporaries behind.
 */
final class NativeKernel implements Kernel {
    private final Nd4jCall.Runner runner;
    private final List<Slot> in;
    private final INDArray[] inputs;
    /** Per input, the native copy of its slot while that slot holds a heap tensor (made on first use). */
    private final INDArray[] staged;
    private final View[] stagedViews;
    /** Heap slots the call fills, and the native buffers it writes them from. */
    private final List<Slot> heapOutputs = new ArrayList<>();
    private final List<View> heapResults = new ArrayList<>();
    private final List<INDArray> own = new ArrayList<>();

    /** {@code kept}: per output of the call, the slot that keeps it, or null for an output nobody uses. */
    NativeKernel(Nd4jCall call, Slot[] kept, List<Slot> in) {
        this.in = in;
        inputs = new INDArray[in.size()];
        staged = new INDArray[in.size()];
        stagedViews = new View[in.size()];
        INDArray[] outputs = new INDArray[call.outputs()];
        DataType dtype = kept[call.result()].tensor().dtype().nd4j;
        for (int k = 0; k < outputs.length; k++) {
            Slot slot = kept[k];
            if (slot == null) {
                // a backprop op's other outputs are the gradients of the other inputs, shaped like them
                outputs[k] = allocate(dtype, in.get(k).tensor().shape());
            } else if (slot.tensor().heap() != null) {
                outputs[k] = allocate(dtype, slot.tensor().shape());
                heapOutputs.add(slot);
                heapResults.add(View.of(outputs[k]));
            } else {
                outputs[k] = slot.array();
            }
        }
        runner = call.runner(outputs);
    }

    NativeKernel(Nd4jCall call, Slot out, List<Slot> in) {
        this(call, keeping(call, out), in);
    }

    private static Slot[] keeping(Nd4jCall call, Slot out) {
        Slot[] kept = new Slot[call.outputs()];
        kept[call.result()] = out;
        return kept;
    }

    /** The kernel for a node whose op is one ND4J call; null for other ops. */
    static Kernel create(Node node, Slot out, List<Slot> in, List<long[]> inShapes) {
        if (!(node.op() instanceof NativeOp op)) return null;
        return new NativeKernel(op.call(inShapes, node.attrs()), out, in);
    }

    /** One kernel for nodes that are outputs of the same ND4J call on the same inputs; {@code slots[i]} keeps {@code nodes[i]}. */
    static Kernel shared(List<Node> nodes, List<Slot> slots, List<Slot> in, List<long[]> inShapes) {
        Nd4jCall call = null;
        Slot[] kept = null;
        for (int i = 0; i < nodes.size(); i++) {
            Nd4jCall c = ((NativeOp) nodes.get(i).op()).call(inShapes, nodes.get(i).attrs());
            if (call == null) {
                call = c;
                kept = new Slot[c.outputs()];
            }
            kept[c.result()] = slots.get(i);
        }
        return new NativeKernel(call, kept, in);
    }

    @Override
    public void run() {
        for (int i = 0; i < inputs.length; i++) inputs[i] = input(i);
        runner.run(inputs);
        for (int k = 0; k < heapOutputs.size(); k++) copy(heapResults.get(k), heapOutputs.get(k).view(), heapOutputs.get(k).size());
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
