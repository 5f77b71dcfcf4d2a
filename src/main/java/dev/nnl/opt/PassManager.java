package dev.nnl.opt;

import dev.nnl.ir.Node;
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

    public record Result(List<Node> roots, List<String> log) {}

    public Result run(List<Node> roots) {
        PassLog log = new PassLog();
        List<Node> current = roots;
        for (Pass p : passes) current = p.run(current, log);
        return new Result(current, log.lines());
    }
}
