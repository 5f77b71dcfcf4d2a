package dev.nnl.layers;

import dev.nnl.interp.Callable;
import dev.nnl.interp.HasAttributes;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.Signature;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.TensorType;
import dev.nnl.ir.Variable;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Keras-style layer: a named callable that makes its weights when first called (when the input's shape is
 * known), then applies IR ops, so that calls on values give values and calls on recipes give recipes that
 * autodiff and the plan compiler see through. Models are layers made of layers.
 */
public abstract class Layer implements Callable, HasAttributes {
    private static final Signature CALL = Signature.parse("layer", "inputs, training=none");
    private static final List<String> ATTRIBUTES = List.of("name", "trainable_variables", "trainable_weights",
            "non_trainable_variables", "non_trainable_weights", "variables", "weights", "layers", "built");

    private final String name;
    private final List<Variable> weights = new ArrayList<>();
    private final List<Penalty> penalties = new ArrayList<>();
    private boolean built;
    private boolean afterBuildDone;
    private long[] outputShape;

    /** A regularizer applied to one weight: its value joins the loss that fit minimizes. */
    public record Penalty(Callable regularizer, Variable weight) {}

    protected Layer(String name) {
        this.name = name;
    }

    @Override
    public String name() { return name; }

    /** The class name Keras shows in summaries: Dense, Conv2D, ... */
    public abstract String typeName();

    /** Models list their layers in summaries and own their layers' weights. */
    public boolean isModel() { return false; }

    /** The layers directly inside this one, in the order they were declared. */
    public List<Layer> layers() { return List.of(); }

    /** Makes the weights for inputs of this type; the input type's checks happen here, before any data flows. */
    protected void build(LayerCall call, TensorType input) {}

    /** Runs after the first call has made every weight inside this layer. */
    protected void afterBuild() {}

    /**
     * Checks values of the data this layer is first to see, before fit or evaluate runs any batch ({@code which}
     * names the data): ids beyond an embedding's vocabulary, for one. Shapes are checked by tracing.
     */
    public void checkData(Tensor x, String which) {}

    /** The forward pass. */
    protected abstract Object forward(LayerCall call, Object inputs);

    /** Calls the layer; {@code training} null inherits the enclosing call's flag. */
    public final Object apply(Interpreter interpreter, Span span, Object inputs, Boolean training) {
        LayerContext context = interpreter.session().layers();
        boolean mode = training != null ? training : context.training();
        context.enter(this, mode);
        try {
            LayerCall call = new LayerCall(interpreter, span, mode);
            if (!built) {
                if (context.frozen()) {
                    throw new NnlError("is not built yet, and a dry run does not build layers",
                            "call it on data, fit it, or build([?, features]) first");
                }
                build(call, TensorCalls.typeOf(inputs));
                built = true;
            }
            Object out = forward(call, inputs);
            if (!afterBuildDone) {
                afterBuildDone = true;
                afterBuild();
            }
            long[] shape = TensorCalls.shapeOf(out);
            if (shape != null && !context.frozen()) {
                outputShape = shape.clone();
                if (shape.length > 0) outputShape[0] = Shapes.UNKNOWN;
            }
            return out;
        } catch (NnlError e) {
            if (e.getMessage().startsWith("layer '")) throw e;
            throw new NnlError("layer '" + name + "' (" + typeName() + "): " + e.getMessage(), e.hint());
        } catch (dev.nnl.tensor.ShapeError e) {
            throw new NnlError("layer '" + name + "' (" + typeName() + "): " + e.getMessage(), e.hint());
        } finally {
            context.exit();
        }
    }

    /** The input's type, or an error saying this layer needs a single tensor. */
    protected TensorType tensorInput(TensorType input) {
        if (input == null) throw new NnlError("expects one tensor as input");
        return input;
    }

    public boolean built() { return built; }

    /** The shape of the last output with the batch dimension unknown; null before the first call. */
    public long[] outputShape() { return outputShape; }

    /** Makes a weight named like Keras's ({@code model/dense/kernel}) from an initializer. */
    protected Variable addWeight(LayerCall call, String weightName, long[] shape, Initializer init, boolean trainable,
                                 Callable regularizer) {
        return addWeight(call, weightName, init.create(shape, DType.FLOAT32, call.session().random()), trainable, regularizer);
    }

    /** Makes a weight with a first value the layer composed itself. */
    protected Variable addWeight(LayerCall call, String weightName, Tensor value, boolean trainable, Callable regularizer) {
        String full = call.session().layers().scope() + name + "/" + weightName;
        Variable v = Variable.create(call.session().graph(), full, value, trainable);
        weights.add(v);
        if (regularizer != null) penalties.add(new Penalty(regularizer, v));
        return v;
    }

    /** Every weight of this layer and the layers inside it, trainable ones first (as Keras lists {@code weights}). */
    public List<Variable> variables() {
        List<Variable> all = new ArrayList<>(trainableVariables());
        all.addAll(nonTrainableVariables());
        return all;
    }

    public List<Variable> trainableVariables() {
        return collect(true);
    }

    public List<Variable> nonTrainableVariables() {
        return collect(false);
    }

    private List<Variable> collect(boolean trainable) {
        Set<Variable> out = new LinkedHashSet<>();
        for (Variable v : weights) if (v.trainable() == trainable) out.add(v);
        for (Layer l : layers()) out.addAll(l.collect(trainable));
        return new ArrayList<>(out);
    }

    /** The regularizers of this layer and the layers inside it. */
    public List<Penalty> penalties() {
        List<Penalty> out = new ArrayList<>(penalties);
        for (Layer l : layers()) for (Penalty p : l.penalties()) if (!out.contains(p)) out.add(p);
        return out;
    }

    public long countParams() {
        long n = 0;
        for (Variable v : variables()) n += Shapes.size(v.type().dims());
        return n;
    }

    @Override
    public Signature signature() { return CALL; }

    @Override
    public Object call(Interpreter interpreter, List<Object> positional, Map<String, Object> named, Span span) {
        Object[] args = CALL.bind(positional, named);
        Boolean training = args[1] == null ? null : dev.nnl.interp.Values.truthy(args[1]);
        return apply(interpreter, span, args[0], training);
    }

    @Override
    public boolean hasAttribute(String attribute) {
        return ATTRIBUTES.contains(attribute);
    }

    @Override
    public Collection<String> attributeNames() { return ATTRIBUTES; }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "name" -> name;
            case "trainable_variables", "trainable_weights" -> new NnlList(new ArrayList<>(trainableVariables()));
            case "non_trainable_variables", "non_trainable_weights" -> new NnlList(new ArrayList<>(nonTrainableVariables()));
            case "variables", "weights" -> new NnlList(new ArrayList<>(variables()));
            case "layers" -> new NnlList(new ArrayList<>(layers()));
            case "built" -> built;
            default -> throw new NnlError(typeName() + " has no attribute '" + attribute + "'");
        };
    }

    @Override
    public String show() {
        return "<" + typeName() + " " + name + (built ? ", " + countParams() + " parameters" : "") + ">";
    }
}
