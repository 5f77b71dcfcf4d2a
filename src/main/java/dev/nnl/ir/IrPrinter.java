package dev.nnl.ir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The readable text form of IR: one node per line with its inputs, attributes, type and source position. */
public final class IrPrinter {
    private IrPrinter() {}

    public static String print(List<Node> order) {
        Map<Node, Integer> numbers = new HashMap<>();
        StringBuilder out = new StringBuilder();
        for (Node n : order) {
            int k = numbers.size();
            numbers.put(n, k);
            out.append(String.format("  %%%-3d = %s", k, n.op().name()));
            if (!n.inputs().isEmpty()) {
                out.append('(');
                for (int i = 0; i < n.inputs().size(); i++) {
                    if (i > 0) out.append(", ");
                    Integer in = numbers.get(n.input(i));
                    out.append(in == null ? "?" : "%" + in);
                }
                out.append(')');
            }
            String attrs = describeAttrs(n);
            if (!attrs.isEmpty()) out.append(" {").append(attrs).append('}');
            out.append("  : ").append(n.type());
            if (n.span() != null) {
                out.append("  @ ");
                for (int i = 0; i < n.spans().size(); i++) {
                    if (i > 0) out.append(", ");
                    out.append(n.spans().get(i).line()).append(':').append(n.spans().get(i).column());
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String describeAttrs(Node n) {
        if (n.op() == ConstOp.INSTANCE) {
            var t = ConstOp.tensor(n);
            return t.size() == 1 ? "value=" + t.item() : "shape=" + t.describe();
        }
        if (n.op() == ReadOp.INSTANCE) return "variable=" + ReadOp.variable(n).name();
        if (n.op() == InputOp.INSTANCE) return "name=" + n.attrs().get("name");
        return n.attrs().toString();
    }
}
