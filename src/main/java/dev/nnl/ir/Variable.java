package dev.nnl.ir;

import dev.nnl.syntax.Span;
import dev.nnl.tensor.Tensor;
import java.util.List;
import dev.nnl.tensor.View;

/**
 * Mutable session state: a name, a fixed type, a trainable flag, and the current value, which the variable owns.
 * Reads give tensors that keep the value they saw: a write to storage that a read captured first gives the variable
 * a fresh copy (copy on write), so plans can update variables in place.
 */
public final class Variable {
    private final String name;
    private final TensorType type;
    private final boolean trainable;
    private final Node readNode;
    private Tensor value;
    private boolean shared;

    Variable(Graph graph, String name, Tensor initial, boolean trainable) {
        this.name = graph.uniqueVariableName(name);
        this.type = TensorType.of(initial.dtype(), initial.shape());
        this.trainable = trainable;
        this.value = initial.copy();
        this.readNode = graph.node(ReadOp.INSTANCE, List.of(), Attrs.of("variable", this), type, null, null);
        graph.register(this);
    }

    public static Variable create(Graph graph, String name, Tensor initial, boolean trainable) {
        return new Variable(graph, name, initial, trainable);
    }

    public String name() { return name; }

    public TensorType type() { return type; }

    public boolean trainable() { return trainable; }

    /** The node every recipe uses to read this variable. */
    public Node readNode() { return readNode; }

    /** The current value, marked shared: later writes will not change the returned tensor. */
    public Tensor snapshot() {
        shared = true;
        return value;
    }

    /** Reading in an expression: the current value, with this variable's read node as recipe. */
    public GraphTensor read(Span span) {
        return new GraphTensor(readNode, snapshot());
    }

    /** The storage to write into, copied first if a snapshot still refers to it. */
    public Tensor writable() {
        if (shared) {
            value = value.copy();
            shared = false;
        }
        value.forgetArrayCopy();
        return value;
    }

    /** The current storage, for a plan that reads it during one run and keeps nothing. */
    public Tensor current() { return value; }

    /** Replaces the whole value (restore, assign from a concrete tensor of the variable's dtype and size). */
    public void set(Tensor newValue) {
        View target = writable().view();
        View source = newValue.view();
        int n = (int) value.size();
        boolean scalar = newValue.size() == 1;
        for (int i = 0; i < n; i++) target.set(i, source.get(scalar ? 0 : i));
    }

    /** Frees the value's native memory when it has any (the session is closing; the variable is not used again). */
    public void release() {
        if (value.heap() == null && !shared) value.array().close();
    }
}
