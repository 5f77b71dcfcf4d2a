package dev.nnl.cli;

import org.nd4j.linalg.factory.Nd4j;

/** Process-wide settings of the ND4J backend that the command line and embedding hosts may change. */
public final class Backend {
    private Backend() {}

    public static void threads(int n) {
        if (n < 1) throw new IllegalArgumentException("--threads must be at least 1");
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.factory().blas().setMaxThreads(n); // OpenBLAS keeps its own pool, used by every matrix product
    }
}
