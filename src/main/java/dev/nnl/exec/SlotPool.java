package dev.nnl.exec;

import dev.nnl.ir.Node;
import dev.nnl.tensor.DType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The intermediate slots of one section, reused once their values are dead: a node's slot returns to the pool when
 * the last node that reads it has its kernel, and a later node of the same dtype, shape and kind (heap or native)
 * takes it. The section's roots (fetched values, values written to variables) are never reused. A recurrent layer's
 * training step holds thousands of intermediates, most of them dead a few ops later.
 */
final class SlotPool {
    /** The position in the section's order of each node's last reader; roots never die. */
    private final Map<Node, Integer> lastUse = new IdentityHashMap<>();
    private final Map<String, Deque<Slot>> free = new HashMap<>();
    /** The pool's own slots, with their keys; inputs, constants and variables are not the pool's to reuse. */
    private final Map<Slot, String> keys = new IdentityHashMap<>();
    private final List<Slot> owned;

    /** {@code owned}: where new slots are recorded, for the plan to free when it closes. */
    SlotPool(List<Node> order, List<Node> roots, List<Slot> owned) {
        this.owned = owned;
        for (int p = 0; p < order.size(); p++) for (Node in : order.get(p).inputs()) lastUse.put(in, p);
        for (Node r : roots) lastUse.put(r, Integer.MAX_VALUE);
    }

    /** A slot for a new value: a dead one of the same kind if there is one, else a new one. */
    Slot take(DType dtype, long[] shape, boolean nativeKernel) {
        String key = dtype + Arrays.toString(shape) + (PlanCompiler.onHeap(shape, nativeKernel) ? "heap" : "native");
        Deque<Slot> dead = free.get(key);
        if (dead != null && !dead.isEmpty()) return dead.pop();
        Slot s = new Slot(PlanCompiler.slotTensor(dtype, shape, nativeKernel));
        owned.add(s);
        keys.put(s, key);
        return s;
    }

    /** After the kernel of the node at {@code position}: the slots of the inputs it was the last to read are free. */
    void release(Node node, int position, Map<Node, Slot> slots) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node in : node.inputs()) {
            if (!seen.add(in) || lastUse.getOrDefault(in, -1) != position) continue;
            Slot s = slots.get(in);
            String key = keys.get(s);
            if (key != null) free.computeIfAbsent(key, k -> new ArrayDeque<>()).push(s);
        }
    }
}
