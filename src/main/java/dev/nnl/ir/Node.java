package dev.nnl.ir;

import dev.nnl.syntax.Span;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One IR node: an op applied to input nodes with attributes, its static type, and the script spans it came from
 * (several after rewrites merge nodes). {@code value} is the value it had when built eagerly, if any: gradients of
 * concrete tensors are taken at those values.
 */
public final class Node {
    private final int id;
    private final OpDef op;
    private final List<Node> inputs;
    private final Attrs attrs;
    private final TensorType type;
    private final List<Span> spans;
    private final Tensor value;

    public Node(int id, OpDef op, List<Node> inputs, Attrs attrs, TensorType type, List<Span> spans, Tensor value) {
        this.id = id;
        this.op = op;
        this.inputs = List.copyOf(inputs);
        this.attrs = attrs;
        this.type = type;
        this.spans = List.copyOf(spans);
        this.value = value;
    }

    public int id() { return id; }

    public OpDef op() { return op; }

    public List<Node> inputs() { return inputs; }

    public Node input(int i) { return inputs.get(i); }

    public Attrs attrs() { return attrs; }

    public TensorType type() { return type; }

    public List<Span> spans() { return spans; }

    public Tensor value() { return value; }

    /** The first span, for error messages. */
    public Span span() { return spans.isEmpty() ? null : spans.get(0); }

    /** A copy with other inputs (rewrites keep id, op, attributes, type and spans). */
    public Node withInputs(List<Node> newInputs) {
        return new Node(id, op, newInputs, attrs, type, spans, value);
    }

    /** A copy that also carries {@code more} spans (when CSE merges two nodes). */
    public Node withMoreSpans(List<Span> more) {
        List<Span> all = new ArrayList<>(spans);
        for (Span s : more) if (!all.contains(s)) all.add(s);
        return new Node(id, op, inputs, attrs, type, all, value);
    }

    @Override
    public String toString() {
        return "%" + id + " = " + op.name();
    }
}
