package dev.nnl.exec;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Evaluator;
import dev.nnl.ir.InputOp;
import dev.nnl.ir.Node;
import dev.nnl.ir.Topology;
import dev.nnl.opt.PassManager;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's compiled plans, one per (fetches, effects, fed shapes): a training loop that runs the same step
 * compiles it once. The least recently used plans are dropped beyond a bound, so scripts that build new recipes in
 * a loop do not grow memory without end.
 */
public final class PlanCache {
    private static final int CAPACITY = 64;

    private PassManager passes = PassManager.standard();
    private PlanCompiler compiler = new PlanCompiler(passes, false);
    private final Map<Key, Plan> plans = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Plan> eldest) {
            if (size() <= CAPACITY) return false;
            eldest.getValue().close();
            return true;
        }
    };
    private final List<PlanListing> listings = new ArrayList<>();
    private boolean keepListings;

    /** Effects are compared by identity: the same effect object is the same training step. */
    private record EffectRef(Effect effect) {
        @Override public boolean equals(Object o) { return o instanceof EffectRef r && r.effect == effect; }

        @Override public int hashCode() { return System.identityHashCode(effect); }
    }

    private record Key(List<Node> fetches, List<EffectRef> effects, List<String> feedShapes) {}

    /** Compiles with these passes and keeps the IR listing of every plan compiled from now on (for `nnl ir`). */
    public void keepListings(PassManager passes) {
        this.passes = passes;
        compiler = new PlanCompiler(passes, true);
        keepListings = true;
    }

    public List<PlanListing> listings() { return listings; }

    /**
     * The listing of the plan that running these fetches and effects would compile, compiled with this cache's passes
     * but neither run nor kept (the REPL's :ir). Inputs count as fed with size 1 where their size is unknown.
     */
    public PlanListing describe(List<Node> fetches, List<Effect> effects) {
        Map<Node, Tensor> feeds = new LinkedHashMap<>();
        for (Node n : inputs(fetches, effects)) {
            long[] shape = n.type().dims().clone();
            for (int i = 0; i < shape.length; i++) if (shape[i] == Shapes.UNKNOWN) shape[i] = 1;
            feeds.put(n, Tensor.allocate(n.type().dtype(), shape));
        }
        Plan plan = new PlanCompiler(passes, true).compile(fetches, effects, feeds);
        plan.close();
        return plan.listing();
    }

    /** Frees every plan's native memory (when the session closes). */
    public void close() {
        for (Plan p : plans.values()) p.close();
        plans.clear();
    }

    public List<Tensor> run(List<Node> fetches, List<Effect> effects, Map<Node, Tensor> feeds) {
        List<EffectRef> refs = new ArrayList<>();
        for (Effect e : effects) refs.add(new EffectRef(e));
        List<String> shapes = new ArrayList<>();
        for (Map.Entry<Node, Tensor> f : feeds.entrySet()) shapes.add(f.getKey().id() + Arrays.toString(f.getValue().shape()));
        Key key = new Key(List.copyOf(fetches), refs, shapes);
        Plan plan = plans.get(key);
        if (plan == null) {
            requireFed(fetches, effects, feeds);
            plan = compiler.compile(fetches, effects, feeds);
            plans.put(key, plan);
            if (keepListings) listings.add(plan.listing());
        }
        return plan.run(feeds);
    }

    private static void requireFed(List<Node> fetches, List<Effect> effects, Map<Node, Tensor> feeds) {
        for (Node n : inputs(fetches, effects)) {
            if (!feeds.containsKey(n)) throw new Evaluator.UnfedInputException(n);
        }
    }

    /** The inputs the fetches and effects depend on. */
    private static List<Node> inputs(List<Node> fetches, List<Effect> effects) {
        List<Node> roots = new ArrayList<>(fetches);
        for (Effect e : effects) roots.addAll(e.valueNodes());
        return Topology.order(roots).stream().filter(n -> n.op() == InputOp.INSTANCE).toList();
    }
}
