package dev.nnl.interp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.ir.Variable;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Tensor;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A session owns its native memory and frees it when closed. */
class SessionTest {
    @Test
    void closingFreesLargeVariables() {
        Session session = new Session(new PrintStream(java.io.OutputStream.nullOutputStream()), null, FileAccess.unrestricted());
        Variable big = Variable.create(session.graph(), "big", Tensor.zeros(new long[] {300, 300}, DType.FLOAT32), true);
        Variable small = Variable.create(session.graph(), "small", Tensor.zeros(new long[] {3}, DType.FLOAT32), true);
        INDArray storage = big.current().array();
        assertFalse(storage.wasClosed());
        assertTrue(small.current().heap() != null, "small values live on the heap, which the garbage collector frees");
        session.close();
        assertTrue(storage.wasClosed());
    }
}
