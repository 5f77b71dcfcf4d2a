package dev.nnl.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Topological order of the nodes that roots depend on (inputs before users), without recursion. */
public final class Topology {
    private Topology() {}

    public static List<Node> order(List<Node> roots) {
        List<Node> out = new ArrayList<>();
        Set<Node> done = new HashSet<>();
        Set<Node> entered = new HashSet<>();
        Deque<Node> stack = new ArrayDeque<>();
        for (Node root : roots) {
            stack.push(root);
            while (!stack.isEmpty()) {
                Node n = stack.peek();
                if (done.contains(n)) {
                    stack.pop();
                } else if (entered.add(n)) {
                    for (Node in : n.inputs()) if (!done.contains(in)) stack.push(in);
                } else {
                    stack.pop();
                    done.add(n);
                    out.add(n);
                }
            }
        }
        return out;
    }
}
