package dev.nnl.nn;

import dev.nnl.ir.Variable;

/**
 * A Keras learning-rate schedule (ExponentialDecay, PiecewiseConstantDecay, ...): the rate as a recipe of the
 * optimizer's own step count, which the optimizer keeps and advances with every update.
 */
@FunctionalInterface
public interface StepSchedule {
    Object rate(Variable iterations);
}
