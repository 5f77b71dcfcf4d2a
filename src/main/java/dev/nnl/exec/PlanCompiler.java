package dev.nnl.exec;

import dev.nnl.ir.ConstOp;
import dev.nnl.ir.Effect;
import dev.nnl.ir.InputOp;
import dev.nnl.ir.IrPrinter;
import dev.nnl.ir.Node;
import dev.nnl.ir.ReadOp;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Topology;
import dev.nnl.ir.Variable;
import dev.nnl.ir.Verifier;
import dev.nnl.opt.PassManager;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a run into a {@link Plan}: the pass pipeline rewrites each section's graph, every node gets its concrete
 * shape from the fed shapes and a preallocated slot, and {@link Kernels} picks each node's kernel.
 */
public final class PlanCompiler {
    /** Intermediates up to this many elements are kept on the heap. */
    private static final int SMALL_SLOT = 4096;

    private final PassManager passes;
    private final boolean listings;
    private int compiled;
    /** The intermediate slots of the plan being compiled, which the plan owns and frees when closed. */
    private List<Slot> owned;

    /** With {@code listings}, each plan keeps its IR text before and after the passes (for `nnl ir`). */
    public PlanCompiler(PassManager passes, boolean listings) {
        this.passes = passes;
        this.listings = listings;
    }

    public Plan compile(List<Node> fetches, List<Effect> effects, Map<Node, Tensor> feeds) {
        Map<Node, Slot> inputs = new LinkedHashMap<>();
        List<PlanListing.Section> listing = new ArrayList<>();
        owned = new ArrayList<>();
        SectionBuild fetch = section("fetches", fetches, feeds, inputs, listing);
        List<Plan.Step> steps = new ArrayList<>();
        int k = 0;
        int planNumber = ++compiled;
        for (Effect e : effects) {
            for (Effect.Step step : e.steps()) {
                List<Node> values = new ArrayList<>();
                List<Slot> targets = new ArrayList<>();
                for (Effect.Write w : step.writes()) {
                    values.add(w.value());
                    targets.add(new Slot(w.variable().current()));
                }
                SectionBuild b = section(e.name() + " step " + (++k), values, feeds, inputs, listing);
                if (listings) describeWrites(listing, step.writes(), b);
                steps.add(new Plan.Step(b.section, step.writes(), b.rootSlots, targets));
            }
        }
        return new Plan(inputs, fetch.section, fetch.rootSlots, steps, new PlanListing("#" + planNumber, listing), owned);
    }

    private record SectionBuild(Plan.Section section, List<Slot> rootSlots, List<Node> order, List<Node> roots) {}

    /** Adds the writes of the section just listed: {@code write w1 -= %12}. */
    private static void describeWrites(List<PlanListing.Section> listing, List<Effect.Write> writes, SectionBuild b) {
        PlanListing.Section section = listing.get(listing.size() - 1);
        StringBuilder out = new StringBuilder(section.after());
        for (int i = 0; i < writes.size(); i++) {
            Effect.Write w = writes.get(i);
            String op = switch (w.mode()) {
                case ASSIGN -> "=";
                case ADD -> "+=";
                case SUBTRACT -> "-=";
            };
            out.append("  write ").append(w.variable().name()).append(' ').append(op).append(" %")
                    .append(b.order().indexOf(b.roots().get(i))).append('\n');
        }
        listing.set(listing.size() - 1, new PlanListing.Section(section.name(), section.before(), out.toString(),
                section.passLog(), section.afterEachChange()));
    }

    private SectionBuild section(String name, List<Node> roots, Map<Node, Tensor> feeds, Map<Node, Slot> inputs,
                                 List<PlanListing.Section> listing) {
        String before = listings ? IrPrinter.print(Topology.order(roots)) : "";
        PassManager.Result optimized = passes.run(roots, listings);
        Verifier.verify(optimized.roots());
        List<Node> order = Topology.order(optimized.roots());
        if (listings) {
            listing.add(new PlanListing.Section(name, before, IrPrinter.print(order), optimized.log(), optimized.afterChange()));
        }
        Map<Node, long[]> shapes = new HashMap<>();
        Map<Node, Slot> slots = new IdentityHashMap<>();
        Map<Slot, Variable> reads = new LinkedHashMap<>();
        List<Kernel> kernels = new ArrayList<>();
        Map<Node, List<Node>> sharedCalls = SharedCalls.find(order);
        SlotPool pool = new SlotPool(order, optimized.roots(), owned);
        for (int position = 0; position < order.size(); position++) {
            Node n = order.get(position);
            long[] shape = concreteShape(n, shapes, feeds);
            shapes.put(n, shape);
            if (slots.containsKey(n)) {
                // computed by the kernel of an earlier node's shared call, which read the inputs already
                pool.release(n, position, slots);
                continue;
            }
            if (n.op() == InputOp.INSTANCE) {
                slots.put(n, inputs.computeIfAbsent(n, x -> new Slot(feeds.get(x))));
            } else if (n.op() == ConstOp.INSTANCE) {
                slots.put(n, new Slot(ConstOp.tensor(n)));
            } else if (n.op() == ReadOp.INSTANCE) {
                Slot s = new Slot(ReadOp.variable(n).current());
                reads.put(s, ReadOp.variable(n));
                slots.put(n, s);
            } else {
                List<Slot> in = new ArrayList<>();
                List<long[]> inShapes = new ArrayList<>();
                for (Node i : n.inputs()) {
                    in.add(slots.get(i));
                    inShapes.add(shapes.get(i));
                }
                List<Node> group = sharedCalls.get(n);
                if (group != null) {
                    kernels.add(NativeKernel.shared(group, sharedSlots(group, shapes, feeds, slots, pool), in, inShapes));
                } else {
                    Slot out = pool.take(n.type().dtype(), shape, Kernels.needsNativeOutput(n, inShapes));
                    slots.put(n, out);
                    kernels.add(Kernels.create(n, out, in, shape, inShapes));
                }
                pool.release(n, position, slots);
            }
        }
        List<Slot> rootSlots = new ArrayList<>();
        for (Node r : optimized.roots()) rootSlots.add(slots.get(r));
        return new SectionBuild(new Plan.Section(kernels, reads), rootSlots, order, optimized.roots());
    }

    /** Native slots for the nodes of a shared call, made when its first node is reached. */
    private static List<Slot> sharedSlots(List<Node> group, Map<Node, long[]> shapes, Map<Node, Tensor> feeds,
                                          Map<Node, Slot> slots, SlotPool pool) {
        List<Slot> out = new ArrayList<>();
        for (Node g : group) {
            Slot s = pool.take(g.type().dtype(), concreteShape(g, shapes, feeds), true);
            slots.put(g, s);
            out.add(s);
        }
        return out;
    }

    /**
     * Small intermediates live on the heap for the Java kernels; larger ones in ND4J arrays, so that the ND4J kernels
     * that compute or consume them need no copy per run; so do small results of ND4J kernels (a large product's).
     */
    static Tensor slotTensor(dev.nnl.tensor.DType dtype, long[] shape, boolean nativeKernel) {
        if (onHeap(shape, nativeKernel)) return Tensor.allocate(dtype, shape);
        return new Tensor(org.nd4j.linalg.factory.Nd4j.create(dtype.nd4j, shape, 'c'));
    }

    static boolean onHeap(long[] shape, boolean nativeKernel) {
        return dev.nnl.tensor.Shapes.size(shape) <= SMALL_SLOT && !nativeKernel;
    }

    /** The node's shape now that the fed shapes are known: the op's rule applied to concrete input types. */
    private static long[] concreteShape(Node n, Map<Node, long[]> shapes, Map<Node, Tensor> feeds) {
        if (n.op() == InputOp.INSTANCE) return feeds.get(n).shape();
        if (n.inputs().isEmpty()) return n.type().dims();
        List<TensorType> in = new ArrayList<>();
        for (Node i : n.inputs()) in.add(TensorType.of(i.type().dtype(), shapes.get(i)));
        return n.op().infer(in, n.attrs()).dims();
    }
}
