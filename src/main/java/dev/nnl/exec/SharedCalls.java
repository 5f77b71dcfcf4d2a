package dev.nnl.exec;

import dev.nnl.ir.Node;
import dev.nnl.ir.ops.NativeOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes of a section that one ND4J call computes together: outputs of the same call on the same inputs and
 * attributes, such as the image's and the filter's gradient of a convolution. The first of them in the section's
 * order runs the call for all, which halves the cost of a convolution's backward pass.
 */
final class SharedCalls {
    private SharedCalls() {}

    /** Each group's first node in {@code order}, mapped to the whole group (itself first). */
    static Map<Node, List<Node>> find(List<Node> order) {
        Map<Node, List<Node>> groups = new IdentityHashMap<>();
        Set<Node> grouped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < order.size(); i++) {
            Node first = order.get(i);
            if (!(first.op() instanceof NativeOp) || grouped.contains(first)) continue;
            List<Node> group = new ArrayList<>(List.of(first));
            for (int j = i + 1; j < order.size(); j++) {
                Node other = order.get(j);
                if (sharesCall(group, other)) {
                    group.add(other);
                    grouped.add(other);
                }
            }
            if (group.size() > 1) groups.put(first, group);
        }
        return groups;
    }

    private static boolean sharesCall(List<Node> group, Node other) {
        Node first = group.get(0);
        if (!first.inputs().equals(other.inputs()) || !first.attrs().equals(other.attrs())) return false;
        for (Node n : group) if (!((NativeOp) n.op()).sharesCallWith(other.op())) return false;
        return true;
    }
}
