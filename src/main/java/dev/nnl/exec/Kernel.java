package dev.nnl.exec;

/** One compiled step of a plan: computes a node's output slot from its input slots. */
@FunctionalInterface
interface Kernel {
    void run();

    /** Frees the native buffers the kernel allocated for itself (when its plan is closed). */
    default void close() {}
}
