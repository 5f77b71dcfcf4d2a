package dev.nnl.cli;

import org.nd4j.linalg.factory.Nd4j;

/** Process-wide settings of the ND4J backend that the command line and embedding hosts may change. */
public final class Backend {
    /**
     * One thread: on course-sized tensors ND4J's threading costs more than it saves. Measured on 2 cores: W2 (the
     * Fashion-MNIST MLP, one epoch) 9.0 s with one thread against 19.0 s with two; a small CIFAR conv net 8.0 s
     * against 9.3 s. --threads (or Nnl.builder().threads) chooses otherwise.
     */
    public static final int DEFAULT_THREADS = 1;

    private Backend() {}

    public static void threads(int n) {
        if (n < 1) throw new IllegalArgumentException("--threads must be at least 1");
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.factory().blas().setMaxThreads(n); // OpenBLAS keeps its own pool, used by every matrix product
    }
}
