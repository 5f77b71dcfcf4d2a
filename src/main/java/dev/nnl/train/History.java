package dev.nnl.train;

import dev.nnl.interp.HasAttributes;
import dev.nnl.interp.NnlDict;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.Subscriptable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What fit returns: each metric's value per epoch ({@code history["loss"]}, {@code history.history["val_loss"]}),
 * and the epochs they belong to. Validation metrics have an entry only for the epochs that validated.
 */
public final class History implements HasAttributes, Subscriptable {
    private static final List<String> ATTRIBUTES = List.of("history", "epoch");
    private final Map<String, List<Object>> values = new LinkedHashMap<>();
    private final List<Object> epochs = new ArrayList<>();
    /** For each metric, the epochs that recorded it (validation metrics skip epochs when validation_freq > 1). */
    private final Map<String, List<Integer>> recordedAt = new LinkedHashMap<>();

    void record(int epoch, Map<String, Double> logs) {
        epochs.add((long) epoch);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            recordedAt.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(epoch);
        }
    }

    public List<String> metrics() {
        return List.copyOf(values.keySet());
    }

    /** The values of one metric, one per epoch that recorded it. */
    public List<Object> values(String metric) {
        List<Object> v = values.get(metric);
        if (v == null) throw new NnlError("the history has no metric '" + metric + "'", "it has " + String.join(", ", values.keySet()));
        return v;
    }

    /** The epochs (from 0) at which a metric was recorded, one per value. */
    public List<Integer> epochsOf(String metric) {
        values(metric); // fails for a metric it lacks, naming those it has
        return recordedAt.get(metric);
    }

    public NnlDict asDict() {
        NnlDict d = new NnlDict();
        for (Map.Entry<String, List<Object>> e : values.entrySet()) d.put(e.getKey(), new NnlList(new ArrayList<>(e.getValue())));
        return d;
    }

    @Override
    public Object subscript(List<Object> subscripts) {
        if (subscripts.size() != 1 || !(subscripts.get(0) instanceof String key)) {
            throw new NnlError("a history is indexed by a metric name, e.g. history[\"loss\"]");
        }
        return new NnlList(new ArrayList<>(values(key)));
    }

    @Override
    public boolean hasAttribute(String name) {
        return ATTRIBUTES.contains(name);
    }

    @Override
    public Collection<String> attributeNames() { return ATTRIBUTES; }

    @Override
    public Object attribute(String name) {
        return name.equals("history") ? asDict() : new NnlList(new ArrayList<>(epochs));
    }

    @Override
    public String toString() {
        return "<history of " + epochs.size() + " epochs: " + String.join(", ", values.keySet()) + ">";
    }
}
