package dev.nnl.ir;

import dev.nnl.syntax.Span;
import dev.nnl.tensor.Tensor;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mutable session state: a name, a fixed type, a trainable flag, and the current value. Reads give tensors that keep
 * the value they saw: a write to a buffer that a read captured first gives the variable a fresh copy.
 */
public final class Variable {
    private final String name;
    private final TensorType type;
    private final boolean trainable;
    private final Node readNode;
    private INDArray buffer;
    private boolean shared;

    Variable(Graph graph, String name, Tensor initial, boolean trainable) {
        this.name = graph.uniqueVariableName(name);
        this.type = TensorType.of(initial.dtype(), initial.shape());
        this.trainable = trainable;
        this.buffer = initial.array().dup('c');
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
        return new Tensor(buffer);
    }

    /** Reading in an expression: the current value, with this variable's read node as recipe. */
    public GraphTensor read(Span span) {
        return new GraphTensor(readNode, snapshot());
    }

    /** The buffer to write into, copied first if a snapshot still refers to it. */
    public INDArray writableBuffer() {
        if (shared) {
            buffer = buffer.dup('c');
            shared = false;
        }
        return buffer;
    }

    /** The buffer for a plan to read without marking it shared (the plan does not keep it). */
    public INDArray currentBuffer() { return buffer; }

    /** Replaces the whole value (load, assign from a concrete tensor). */
    public void set(Tensor value) {
        writableBuffer().assign(value.cast(type.dtype()).array());
    }
}
