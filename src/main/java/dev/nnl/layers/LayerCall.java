package dev.nnl.layers;

import dev.nnl.interp.Callable;
import dev.nnl.interp.Interpreter;
import dev.nnl.interp.Session;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.VariableUpdates;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.Effect;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.OpDef;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.syntax.Span;
import dev.nnl.tensor.DType;
import java.util.List;
import java.util.Map;

/** One call of a layer: where it was called from, whether it trains, and the ops its forward pass applies. */
public record LayerCall(Interpreter interpreter, Span span, boolean training) {

    public Session session() { return interpreter.session(); }

    /** Applies an op to tensors, variables or recipes (concrete operands give values, symbolic ones recipes). */
    public Object apply(OpDef op, Attrs attrs, Object... operands) {
        return TensorCalls.apply(session(), span, op, attrs, operands);
    }

    /** Calls an activation or any other script function on a tensor. */
    public Object call(Callable f, Object x) {
        return f.call(interpreter, List.of(x), Map.of(), span);
    }

    /** The input as the float dtype of the weights: Keras casts integer and float64 inputs to float32. */
    public Object floating(Object x) {
        DType dtype = TensorCalls.dtypeOf(x);
        return dtype == DType.FLOAT32 ? x : apply(CastOp.INSTANCE, Attrs.of("dtype", DType.FLOAT32), x);
    }

    /** Moves a non-trainable variable towards a value: collected while a training step is traced, else done now. */
    public void update(Variable v, Object value) {
        LayerContext layers = session().layers();
        if (layers.collecting()) {
            layers.collect(new Effect.Write(v, dev.nnl.ir.Ops.nodeOf(session().graph(), value, span), Effect.Mode.ASSIGN));
        } else if (!layers.frozen() && (!(value instanceof GraphTensor g) || g.value() != null)) {
            VariableUpdates.now(v, Effect.Mode.ASSIGN, value, session(), span);
        }
    }
}
