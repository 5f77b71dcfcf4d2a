package dev.nnl.exec;

import dev.nnl.ir.Effect;
import dev.nnl.ir.Node;
import dev.nnl.ir.Variable;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled run: for fixed fetches, effects and fed shapes, the kernels in order over preallocated slots. Running it
 * binds the feeds and the variables' current buffers, computes the fetches, then performs each effect step (its
 * values first, then its writes, in place).
 */
public final class Plan {
    /** Kernels with the variable reads they need bound first. */
    record Section(List<Kernel> kernels, Map<Slot, Variable> reads) {
        void run() {
            for (Map.Entry<Slot, Variable> r : reads.entrySet()) r.getKey().bind(r.getValue().current());
            for (Kernel k : kernels) k.run();
        }

        void close() {
            for (Kernel k : kernels) k.close();
        }
    }

    /** One effect step: its values computed, then written into the variables' buffers (targets follow them). */
    record Step(Section values, List<Effect.Write> writes, List<Slot> valueSlots, List<Slot> targets) {}

    private final Map<Node, Slot> inputs;
    private final Section fetchSection;
    private final List<Slot> fetchSlots;
    private final List<Step> steps;
    private final PlanListing listing;

    private final List<Slot> owned;

    Plan(Map<Node, Slot> inputs, Section fetchSection, List<Slot> fetchSlots, List<Step> steps, PlanListing listing,
         List<Slot> owned) {
        this.owned = owned;
        this.inputs = inputs;
        this.fetchSection = fetchSection;
        this.fetchSlots = fetchSlots;
        this.steps = steps;
        this.listing = listing;
    }

    public PlanListing listing() { return listing; }

    /** Frees the native memory of the plan's own intermediate slots and kernels; the plan must not run again. */
    public void close() {
        for (Slot s : owned) if (s.tensor().heap() == null) s.tensor().array().close();
        owned.clear();
        fetchSection.close();
        for (Step step : steps) step.values().close();
    }

    public List<Tensor> run(Map<Node, Tensor> feeds) {
        for (Map.Entry<Node, Slot> in : inputs.entrySet()) in.getValue().bind(feeds.get(in.getKey()));
        fetchSection.run();
        List<Tensor> out = new ArrayList<>(fetchSlots.size());
        for (Slot s : fetchSlots) out.add(s.tensor().copy());
        for (Step step : steps) {
            step.values().run();
            for (int i = 0; i < step.writes().size(); i++) {
                Slot target = step.targets().get(i);
                target.bind(step.writes().get(i).variable().writable());
                Slot value = step.valueSlots().get(i);
                Effect.Mode mode = step.writes().get(i).mode();
                if (target.tensor().heap() == null && value.size() == target.size()) {
                    writeLarge(mode, target.array(), value.array());
                } else {
                    mode.write(target.view(), value.view(), target.size(), value.size() == 1);
                }
            }
        }
        return out;
    }

    /** A write into a large variable, done by ND4J in place. */
    private static void writeLarge(Effect.Mode mode, org.nd4j.linalg.api.ndarray.INDArray target,
                                   org.nd4j.linalg.api.ndarray.INDArray value) {
        org.nd4j.linalg.api.ndarray.INDArray v = value.reshape(target.shape());
        switch (mode) {
            case ASSIGN -> target.assign(v);
            case ADD -> target.addi(v);
            case SUBTRACT -> target.subi(v);
        }
    }
}
