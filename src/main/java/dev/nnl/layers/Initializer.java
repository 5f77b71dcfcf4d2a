package dev.nnl.layers;

import dev.nnl.interp.NnlError;
import dev.nnl.interp.RandomStreams;
import dev.nnl.rng.TfRandom;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a weight gets its first value, with Keras's defaults: the variance-scaling family (glorot_uniform for kernels,
 * he_normal, ...), orthogonal (recurrent kernels), random_normal / truncated_normal / random_uniform, zeros, ones and
 * constant. Random ones draw
 * from TensorFlow's Philox streams of the session, so a seeded script gives the same weights every run.
 */
public record Initializer(String name, Kind kind, double a, double b, Long seed) {
    /** Truncating at two standard deviations shrinks the spread by this factor; variance scaling corrects for it. */
    private static final double TRUNCATED_STDDEV = .87962566103423978;

    public enum Kind { ZEROS, CONSTANT, NORMAL, TRUNCATED, UNIFORM, SCALED_NORMAL, SCALED_UNIFORM, ORTHOGONAL }

    public static final Initializer GLOROT_UNIFORM = scaling("glorot_uniform", 1, "fan_avg", false, null);
    public static final Initializer ZEROS = new Initializer("zeros", Kind.ZEROS, 0, 0, null);
    public static final Initializer ORTHOGONAL = orthogonal(1, null);

    /** Keras's Orthogonal: a carries the gain. */
    public static Initializer orthogonal(double gain, Long seed) {
        return new Initializer("orthogonal", Kind.ORTHOGONAL, gain, 0, seed);
    }

    /** Variance scaling: scale / fan, with fan one of fan_in, fan_out, fan_avg (a carries scale, b the fan mode). */
    public static Initializer scaling(String name, double scale, String mode, boolean normal, Long seed) {
        double fan = switch (mode) {
            case "fan_in" -> 0;
            case "fan_out" -> 1;
            case "fan_avg" -> 2;
            default -> throw new NnlError("variance scaling mode must be fan_in, fan_out or fan_avg, not '" + mode + "'");
        };
        return new Initializer(name, normal ? Kind.SCALED_NORMAL : Kind.SCALED_UNIFORM, scale, fan, seed);
    }

    /** An initializer by Keras name, with its default arguments. */
    public static Initializer named(String name) {
        return switch (name) {
            case "glorot_uniform" -> GLOROT_UNIFORM;
            case "glorot_normal" -> scaling(name, 1, "fan_avg", true, null);
            case "he_normal" -> scaling(name, 2, "fan_in", true, null);
            case "he_uniform" -> scaling(name, 2, "fan_in", false, null);
            case "lecun_normal" -> scaling(name, 1, "fan_in", true, null);
            case "lecun_uniform" -> scaling(name, 1, "fan_in", false, null);
            case "random_normal" -> new Initializer(name, Kind.NORMAL, 0, 0.05, null);
            case "truncated_normal" -> new Initializer(name, Kind.TRUNCATED, 0, 0.05, null);
            case "random_uniform", "uniform" -> new Initializer("random_uniform", Kind.UNIFORM, -0.05, 0.05, null);
            case "orthogonal" -> ORTHOGONAL;
            case "zeros" -> ZEROS;
            case "ones" -> new Initializer(name, Kind.CONSTANT, 1, 0, null);
            default -> throw new NnlError("unknown initializer '" + name + "'",
                    "use glorot_uniform, glorot_normal, he_normal, he_uniform, lecun_normal, lecun_uniform, orthogonal, "
                            + "random_normal, truncated_normal, random_uniform (uniform), zeros, ones or constant(value)");
        };
    }

    public Tensor create(long[] shape, DType dtype, RandomStreams random) {
        int n = (int) Shapes.size(shape);
        return switch (kind) {
            case ZEROS -> Tensor.zeros(shape, dtype);
            case CONSTANT -> {
                float[] v = new float[n];
                Arrays.fill(v, (float) a);
                yield Tensor.ofFloats(shape, v);
            }
            case NORMAL -> Tensor.ofFloats(shape, affine(stream(random, "random_normal").normal(n), b, a));
            case TRUNCATED -> Tensor.ofFloats(shape, affine(stream(random, "truncated_normal").truncatedNormal(n), b, a));
            case UNIFORM -> Tensor.ofFloats(shape, affine(stream(random, "random_uniform").uniform(n), b - a, a));
            case SCALED_NORMAL -> {
                double stddev = Math.sqrt(a / fan(shape)) / TRUNCATED_STDDEV;
                yield Tensor.ofFloats(shape, affine(stream(random, "truncated_normal").truncatedNormal(n), stddev, 0));
            }
            case SCALED_UNIFORM -> {
                double limit = Math.sqrt(3 * a / fan(shape));
                yield Tensor.ofFloats(shape, affine(stream(random, "random_uniform").uniform(n), 2 * limit, -limit));
            }
            case ORTHOGONAL -> Tensor.ofFloats(shape, orthogonal(shape, random));
        };
    }

    /**
     * Keras's recipe: the weight seen as a matrix [rows, columns] (columns the last axis) is the Q of the QR
     * decomposition of a random normal matrix, with Q's columns signed by R's diagonal (so Q is unique), transposed
     * when there are fewer rows than columns, times the gain.
     */
    private float[] orthogonal(long[] shape, RandomStreams random) {
        if (shape.length < 2) {
            throw new NnlError("the orthogonal initializer needs a weight of rank 2 or more, got shape " + Shapes.show(shape));
        }
        if (Shapes.size(shape) == 0) return new float[0];
        int cols = (int) shape[shape.length - 1];
        int rows = (int) (Shapes.size(shape) / cols);
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        float[] normal = stream(random, "random_normal").normal(m * n);
        double[][] values = new double[m][n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) values[i][j] = normal[i * n + j];
        INDArray matrix = Nd4j.createFromArray(values);
        INDArray q = Nd4j.create(DataType.DOUBLE, m, n);
        INDArray r = Nd4j.create(DataType.DOUBLE, n, n);
        Nd4j.exec(DynamicCustomOp.builder("qr").addInputs(matrix).addOutputs(q, r).addBooleanArguments(false).build());
        float[] out = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = q.getDouble(i, j) * Math.signum(r.getDouble(j, j)) * a;
                // rows < cols: the result is Q transposed, [n, m] in row-major order
                out[rows < cols ? j * m + i : i * n + j] = (float) v;
            }
        }
        matrix.close();
        q.close();
        r.close();
        return out;
    }

    private TfRandom stream(RandomStreams random, String op) {
        return random.kernel(op + " float32", seed);
    }

    /** Keras's fans: a dense kernel [in, out]; a conv kernel [h, w, in, out] counts h·w per channel. */
    private double fan(long[] shape) {
        double in;
        double out;
        if (shape.length < 1) {
            in = out = 1;
        } else if (shape.length == 1) {
            in = out = shape[0];
        } else {
            double receptive = 1;
            for (int i = 0; i < shape.length - 2; i++) receptive *= shape[i];
            in = shape[shape.length - 2] * receptive;
            out = shape[shape.length - 1] * receptive;
        }
        return b == 0 ? in : b == 1 ? out : (in + out) / 2;
    }

    private static float[] affine(float[] v, double scale, double shift) {
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] * scale + shift);
        return v;
    }
}
