package dev.nnl.exec;

/** One compiled step of a plan: computes a node's output slot from its input slots. */
@FunctionalInterface
interface Kernel {
    void run();
}
