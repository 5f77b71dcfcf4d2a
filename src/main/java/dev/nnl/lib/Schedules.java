package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.Builtin;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Signature;
import dev.nnl.interp.TensorCalls;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.CastOp;
import dev.nnl.ir.ops.CompareOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.ir.ops.WhereOp;
import dev.nnl.nn.StepSchedule;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TF1's learning-rate schedules as tensors computed from the global step, in float32 as TF computes them: they print
 * their current value, and run() and the optimizers re-evaluate them as the step moves.
 */
final class Schedules {
    private Schedules() {}

    static void register(BuiltinTable t) {
        t.define("exponential_decay", "learning_rate, global_step, decay_steps, decay_rate, staircase=false, name=none", a -> {
            Object p = progress(a, a.number(2), a.bool(4));
            return mul(a, a.number(0), a.apply(BinaryOp.POW, Attrs.NONE, f32(a.number(3)), p));
        });
        t.define("inverse_time_decay", "learning_rate, global_step, decay_steps, decay_rate, staircase=false, name=none", a -> {
            Object p = progress(a, a.number(2), a.bool(4));
            Object denominator = a.apply(BinaryOp.ADD, Attrs.NONE, f32(1), a.apply(BinaryOp.MULTIPLY, Attrs.NONE, f32(a.number(3)), p));
            return a.apply(BinaryOp.DIVIDE, Attrs.NONE, f32(a.number(0)), denominator);
        });
        t.define("polynomial_decay", "learning_rate, global_step, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=false, name=none", a -> {
            if (a.bool(5)) throw new NnlError("polynomial_decay(cycle=true) is not available", "use cycle=false");
            Object step = a.apply(BinaryOp.MINIMUM, Attrs.NONE, step(a), f32(a.number(2)));
            Object fraction = a.apply(BinaryOp.SUBTRACT, Attrs.NONE, f32(1), a.apply(BinaryOp.DIVIDE, Attrs.NONE, step, f32(a.number(2))));
            Object scale = a.apply(BinaryOp.POW, Attrs.NONE, fraction, f32(a.number(4)));
            Object span = f32(a.number(0) - a.number(3));
            return a.apply(BinaryOp.ADD, Attrs.NONE, a.apply(BinaryOp.MULTIPLY, Attrs.NONE, span, scale), f32(a.number(3)));
        });
        t.define("cosine_decay", "learning_rate, global_step, decay_steps, alpha=0.0, name=none", a -> {
            Object step = a.apply(BinaryOp.MINIMUM, Attrs.NONE, step(a), f32(a.number(2)));
            Object angle = a.apply(BinaryOp.MULTIPLY, Attrs.NONE, f32(Math.PI), a.apply(BinaryOp.DIVIDE, Attrs.NONE, step, f32(a.number(2))));
            Object cosine = a.apply(BinaryOp.MULTIPLY, Attrs.NONE, f32(0.5),
                    a.apply(BinaryOp.ADD, Attrs.NONE, f32(1), a.apply(UnaryOp.COS, Attrs.NONE, angle)));
            double alpha = a.number(3);
            Object decayed = a.apply(BinaryOp.ADD, Attrs.NONE, a.apply(BinaryOp.MULTIPLY, Attrs.NONE, f32(1 - alpha), cosine), f32(alpha));
            return mul(a, a.number(0), decayed);
        });
        t.define("piecewise_constant", "x, boundaries, values, name=none", a -> {
            List<Object> bounds = HostBuiltins.elements(a.get(1));
            List<Object> values = HostBuiltins.elements(a.get(2));
            if (values.size() != bounds.size() + 1) {
                throw new NnlError("piecewise_constant needs one value more than boundaries: got " + bounds.size()
                        + " boundaries and " + values.size() + " values");
            }
            Object x = stepOf(a, 0);
            DType bt = TensorCalls.dtypeOf(x);
            // from the last interval down: where(x <= b_i, v_i, <the rest>)
            Object result = f32(dev.nnl.interp.Values.toDouble(values.get(values.size() - 1)));
            for (int i = bounds.size() - 1; i >= 0; i--) {
                Object bound = Tensor.scalar(dev.nnl.interp.Values.toDouble(bounds.get(i)), bt);
                Object below = a.apply(CompareOp.of("<="), Attrs.NONE, x, bound);
                result = a.apply(WhereOp.INSTANCE, Attrs.NONE, below, f32(dev.nnl.interp.Values.toDouble(values.get(i))), result);
            }
            return result;
        });
        keras(t, "ExponentialDecay", "initial_learning_rate, decay_steps, decay_rate, staircase=false", "exponential_decay", 1);
        keras(t, "InverseTimeDecay", "initial_learning_rate, decay_steps, decay_rate, staircase=false", "inverse_time_decay", 1);
        keras(t, "PolynomialDecay", "initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=false",
                "polynomial_decay", 1);
        keras(t, "CosineDecay", "initial_learning_rate, decay_steps, alpha=0.0", "cosine_decay", 1);
        keras(t, "PiecewiseConstantDecay", "boundaries, values", "piecewise_constant", 0);
    }

    /**
     * Keras's schedule classes: the TF1 schedule of the same formula, with the optimizer's step count put in at
     * {@code stepIndex} of the arguments when the optimizer first uses it.
     */
    private static void keras(BuiltinTable t, String name, String params, String tf1, int stepIndex) {
        Builtin schedule = (Builtin) t.get(tf1);
        int count = Signature.parse(name, params).names().size();
        t.define(name, params, a -> {
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < count; i++) args.add(a.get(i));
            return (StepSchedule) step -> {
                List<Object> withStep = new ArrayList<>(args);
                withStep.add(stepIndex, step);
                return schedule.call(a.interpreter(), withStep, Map.of(), a.span());
            };
        });
    }

    private static Tensor f32(double v) {
        return Tensor.scalar(v, DType.FLOAT32);
    }

    /** The global step as a float32 tensor. */
    private static Object step(Args a) {
        return a.apply(CastOp.INSTANCE, Attrs.of("dtype", DType.FLOAT32), stepOf(a, 1));
    }

    private static Object stepOf(Args a, int i) {
        Object step = a.get(i);
        if (!(step instanceof Variable) && !TensorCalls.isTensorLike(step)) throw a.wrong(i, "the global step (a variable)");
        return step;
    }

    /** global_step / decay_steps, floored when staircase. */
    private static Object progress(Args a, double decaySteps, boolean staircase) {
        Object p = a.apply(BinaryOp.DIVIDE, Attrs.NONE, step(a), f32(decaySteps));
        return staircase ? a.apply(UnaryOp.FLOOR, Attrs.NONE, p) : p;
    }

    private static Object mul(Args a, double learningRate, Object factor) {
        return a.apply(BinaryOp.MULTIPLY, Attrs.NONE, f32(learningRate), factor);
    }
}
