package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import dev.nnl.interp.TensorCalls;
import dev.nnl.interp.Values;
import dev.nnl.ir.Attrs;
import dev.nnl.ir.Effect;
import dev.nnl.ir.GraphTensor;
import dev.nnl.ir.Node;
import dev.nnl.ir.NodeBuilder;
import dev.nnl.ir.Ops;
import dev.nnl.ir.Variable;
import dev.nnl.ir.ops.BinaryOp;
import dev.nnl.ir.ops.UnaryOp;
import dev.nnl.nn.Adadelta;
import dev.nnl.nn.Adagrad;
import dev.nnl.nn.Adam;
import dev.nnl.nn.Momentum;
import dev.nnl.nn.MovingAverage;
import dev.nnl.nn.Optimizer;
import dev.nnl.nn.RmsProp;
import dev.nnl.nn.Sgd;
import java.util.ArrayList;
import java.util.List;

/** TF1's training vocabulary: optimizers with minimize, learning-rate schedules, moving averages, regularizers. */
final class TrainingBuiltins {
    private TrainingBuiltins() {}

    static void register(BuiltinTable t) {
        // TF1's optimizers, with TF1's defaults
        t.define("GradientDescentOptimizer", "learning_rate", a -> new Sgd(rate(a, 0)));
        t.define("momentum | MomentumOptimizer", "learning_rate, momentum, use_nesterov=false",
                a -> new Momentum(rate(a, 0), a.number(1), a.bool(2)));
        t.define("AdagradOptimizer", "learning_rate, initial_accumulator_value=0.1",
                a -> new Adagrad(rate(a, 0), a.number(1)));
        t.define("AdadeltaOptimizer", "learning_rate=0.001, rho=0.95, epsilon=1e-8",
                a -> new Adadelta(rate(a, 0), a.number(1), a.number(2)));
        t.define("RMSPropOptimizer", "learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10",
                a -> new RmsProp(rate(a, 0), a.number(1), a.number(2), a.number(3)));
        t.define("AdamOptimizer", "learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8",
                a -> new Adam(rate(a, 0), a.number(1), a.number(2), a.number(3)));
        // Keras's, with Keras 2's defaults; lr= is the old spelling of learning_rate=
        t.define("sgd | SGD", "learning_rate=0.01, momentum=0.0, nesterov=false, lr=none", a -> a.number(1) == 0
                ? new Sgd(kerasRate(a, 0, 3)) : new Momentum(kerasRate(a, 0, 3), a.number(1), a.bool(2)));
        t.define("adam | Adam", "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, lr=none",
                a -> new Adam(kerasRate(a, 0, 4), a.number(1), a.number(2), a.number(3)));
        t.define("rmsprop | RMSprop", "learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, lr=none",
                a -> new RmsProp(kerasRate(a, 0, 4), a.number(1), a.number(2), a.number(3)));
        t.define("adagrad | Adagrad", "learning_rate=0.001, initial_accumulator_value=0.1, lr=none",
                a -> new Adagrad(kerasRate(a, 0, 2), a.number(1)));
        t.define("adadelta | Adadelta", "learning_rate=0.001, rho=0.95, epsilon=1e-7, lr=none",
                a -> new Adadelta(kerasRate(a, 0, 3), a.number(1), a.number(2)));
        t.define("moving_average | ExponentialMovingAverage", "decay, num_updates=none", a -> {
            if (!a.isNone(1) && !(a.get(1) instanceof Variable)) throw a.wrong(1, "a variable (the step counter)");
            return new MovingAverage(a.number(0), (Variable) a.get(1));
        });
        Schedules.register(t);
        t.define("l1_regularizer", "scale", a -> new Regularizer("l1_regularizer", a.number(0), 0, false));
        t.define("l2_regularizer", "scale", a -> new Regularizer("l2_regularizer", 0, a.number(0), true));
        t.define("l1", "l=0.01", a -> new Regularizer("l1", a.number(0), 0, false));
        t.define("l2", "l=0.01", a -> new Regularizer("l2", 0, a.number(0), false));
        t.define("l1_l2", "l1=0.01, l2=0.01", a -> new Regularizer("l1_l2", a.number(0), a.number(1), false));
        t.define("l2_loss", "t, name=none", a -> {
            Object sum = a.apply(dev.nnl.ir.ops.ReduceOp.SUM, Attrs.of("axes", null, "keepdims", false), a.apply(UnaryOp.SQUARE, Attrs.NONE, a.get(0)));
            return a.apply(BinaryOp.DIVIDE, Attrs.NONE, sum, 2.0);
        });
        Losses.register(t);
    }

    static void registerMethods(MethodTable m) {
        m.method(Optimizer.class, "minimize", "self, loss, var_list=none, global_step=none", a -> {
            Optimizer opt = (Optimizer) a.get(0);
            GraphTensor loss = loss(a);
            List<Variable> vars = variables(a, 2);
            NodeBuilder b = new NodeBuilder(a.session().graph(), a.span());
            List<Optimizer.GradientAndVariable> grads = opt.computeGradients(b, loss, vars, a.span());
            if (grads.stream().allMatch(g -> g.gradient() == null)) {
                throw new NnlError("the loss does not depend on any of the variables being trained",
                        "minimize needs a loss computed from trainable variables (or pass var_list=)");
            }
            return opt.applyGradients(b, grads, globalStep(a, 3));
        });
        m.method(Optimizer.class, "compute_gradients", "self, loss, var_list=none", a -> {
            Optimizer opt = (Optimizer) a.get(0);
            List<Optimizer.GradientAndVariable> grads = opt.computeGradients(new NodeBuilder(a.session().graph(), a.span()),
                    loss(a), variables(a, 2), a.span());
            List<Object> out = new ArrayList<>();
            for (Optimizer.GradientAndVariable g : grads) {
                out.add(NnlTuple.of(g.gradient() == null ? null : new GraphTensor(g.gradient(), null), g.variable()));
            }
            return new NnlList(out);
        });
        m.method(Optimizer.class, "apply_gradients", "self, grads_and_vars, global_step=none", a -> {
            Optimizer opt = (Optimizer) a.get(0);
            NodeBuilder b = new NodeBuilder(a.session().graph(), a.span());
            List<Optimizer.GradientAndVariable> pairs = new ArrayList<>();
            for (Object pair : HostBuiltins.elements(a.get(1))) {
                List<Object> gv = HostBuiltins.elements(pair);
                if (gv.size() != 2 || !(gv.get(1) instanceof Variable v)) {
                    throw a.wrong(1, "a list of (gradient, variable) pairs");
                }
                Node grad = gv.get(0) == null ? null : Ops.nodeOf(b.graph(), TensorCalls.operand(gv.get(0), v.type().dtype(), a.span()), a.span());
                pairs.add(new Optimizer.GradientAndVariable(grad, v));
            }
            return opt.applyGradients(b, pairs, globalStep(a, 2));
        });
        m.method(MovingAverage.class, "apply", "self, var_list", a -> {
            List<Variable> vars = new ArrayList<>();
            for (Object o : HostBuiltins.elements(a.get(1))) {
                if (!(o instanceof Variable v)) throw a.wrong(1, "a list of variables");
                vars.add(v);
            }
            return ((MovingAverage) a.get(0)).apply(new NodeBuilder(a.session().graph(), a.span()), vars);
        });
        m.method(MovingAverage.class, "average", "self, var", a -> {
            if (!(a.get(1) instanceof Variable v)) throw a.wrong(1, "a variable");
            return ((MovingAverage) a.get(0)).average(v);
        });
    }

    /** learning_rate, or lr= when given (Keras's older spelling). */
    private static Object kerasRate(Args a, int learningRate, int lr) {
        return a.isNone(lr) ? rate(a, learningRate) : rate(a, lr);
    }

    /** A learning rate: a number, or a tensor/schedule (a recipe reading the global step). */
    private static Object rate(Args a, int i) {
        Object v = a.get(i);
        if (Values.isNumber(v)) return Values.toDouble(v);
        if (TensorCalls.isTensorLike(v) || v instanceof dev.nnl.nn.StepSchedule) return v;
        throw a.wrong(i, "a number or a schedule");
    }

    private static GraphTensor loss(Args a) {
        Object loss = a.get(1);
        if (loss instanceof GraphTensor g) return g;
        throw new NnlError("the loss does not depend on any variable", "compute the loss from variables, e.g. mean(square(x @ w - y))");
    }

    private static List<Variable> variables(Args a, int i) {
        if (a.isNone(i)) return a.session().graph().variables().stream().filter(Variable::trainable).toList();
        List<Variable> out = new ArrayList<>();
        for (Object o : HostBuiltins.elements(a.get(i))) {
            if (!(o instanceof Variable v)) throw a.wrong(i, "a list of variables");
            out.add(v);
        }
        return out;
    }

    private static Variable globalStep(Args a, int i) {
        if (a.isNone(i)) return null;
        if (!(a.get(i) instanceof Variable v)) throw a.wrong(i, "a variable");
        return v;
    }

}
