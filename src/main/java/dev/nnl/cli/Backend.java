package dev.nnl.cli;

import org.nd4j.linalg.factory.Nd4j;

/** Process-wide settings of the ND4J backend that the command line may change. */
final class Backend {
    private Backend() {}

    static void threads(int n) {
        if (n < 1) throw new IllegalArgumentException("--threads must be at least 1");
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
    }
}
