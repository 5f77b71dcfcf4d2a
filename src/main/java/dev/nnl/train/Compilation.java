package dev.nnl.train;

import dev.nnl.nn.Optimizer;
import java.util.List;

/** What compile() fixed for a model: how it learns (optimizer, loss) and what fit reports (metric names). */
public record Compilation(Optimizer optimizer, LossFunction loss, List<String> metricNames) {}
