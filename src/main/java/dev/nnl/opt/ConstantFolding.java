package dev.nnl.opt;

import dev.nnl.ir.Attrs;
import dev.nnl.ir.ConstOp;
import dev.nnl.ir.Node;
import dev.nnl.ir.OpDef;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Computes pure nodes whose inputs are all constants once, at compile time. */
public final class ConstantFolding implements Pass {
    @Override public String name() { return "fold"; }

    @Override
    public List<Node> run(List<Node> roots, PassLog log) {
        int[] folded = {0};
        List<Node> out = Rewriter.rewrite(roots, n -> {
            if (n.op().purity() != OpDef.Purity.PURE || n.inputs().isEmpty() || n.op() == ConstOp.INSTANCE) return n;
            List<Tensor> values = new ArrayList<>();
            for (Node in : n.inputs()) {
                if (in.op() != ConstOp.INSTANCE) return n;
                values.add(ConstOp.tensor(in));
            }
            Tensor value = n.op().compute(values, n.attrs());
            folded[0]++;
            return new Node(n.id(), ConstOp.INSTANCE, List.of(), Attrs.of("value", value), n.type(), n.spans(), value);
        });
        log.record(name(), folded[0], "nodes folded into constants");
        return out;
    }
}
