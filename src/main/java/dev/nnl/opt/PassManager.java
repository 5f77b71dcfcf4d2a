package dev.nnl.opt;

import dev.nnl.ir.IrPrinter;
import dev.nnl.ir.Node;
import dev.nnl.ir.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered pass pipeline that plans go through: constant folding, then common-subexpression elimination.
 * Dead code never enters a plan: a section is built from its roots (the fetches, the values an effect writes).
 */
public final class PassManager {
    public static final List<String> ALL = List.of("fold", "cse");

    private final List<Pass> passes;

    private PassManager(List<Pass> passes) {
        this.passes = passes;
    }

    public static PassManager standard() {
        return of(ALL);
    }

    /** The passes named, in pipeline order; unknown names are an error. */
    public static PassManager of(List<String> names) {
        List<Pass> chosen = new ArrayList<>();
        for (String name : names) {
            if (!ALL.contains(name)) throw new IllegalArgumentException("unknown pass '" + name + "' (passes: " + ALL + ")");
        }
        for (String name : ALL) {
            if (!names.contains(name)) continue;
            chosen.add(name.equals("fold") ? new ConstantFolding() : new CommonSubexpressions());
        }
        return new PassManager(chosen);
    }

    /** The optimized roots, what each pass changed, and (when asked for) the IR after each pass that changed it. */
    public record Result(List<Node> roots, List<String> log, List<String> afterChange) {}

    public Result run(List<Node> roots, boolean snapshots) {
        PassLog log = new PassLog();
        List<String> after = new ArrayList<>();
        List<Node> current = roots;
        for (Pass p : passes) {
            List<Node> next = p.run(current, log);
            if (snapshots && !next.equals(current)) {
                after.add("after " + p.name() + ":\n" + IrPrinter.print(Topology.order(next)));
            }
            current = next;
        }
        return new Result(current, log.lines(), after);
    }
}
