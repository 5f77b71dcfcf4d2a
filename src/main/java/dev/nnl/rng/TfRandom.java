package dev.nnl.rng;

import java.util.Arrays;

/**
 * One stateful TensorFlow random kernel ({@code RandomStandardNormal}, {@code TruncatedNormal},
 * {@code RandomUniform}, {@code RandomUniformInt}) keyed by its {@code (seed, seed2)} attributes.
 *
 * <p>The kernel owns a {@code GuardedPhiloxRandom}: every call first reserves
 * {@code n * 256} Philox blocks ({@code ReserveRandomOutputs(n, 256)} in {@code random_op.cc},
 * the same for every one of these ops) and then fills its output from the start of that
 * reservation. A second call on the same object therefore continues exactly where TF2's
 * cached eager kernel (or a TF1 op run again in the same session) continues.
 *
 * <p>Results are the raw distributions; scaling by stddev/mean or (max - min) + min is the
 * caller's job, as it is in TF's Python wrappers.
 */
public final class TfRandom {

    /** Blocks reserved per output element; also the stride of truncated-normal groups. */
    private static final int RESERVED_BLOCKS_PER_OUTPUT = 256;
    private static final int WORDS_PER_BLOCK = 4;
    /** Outputs per block when each output consumes one word (float and int32 results). */
    private static final int SINGLE_WORD_OUTPUTS_PER_BLOCK = 4;
    /** Outputs per block when each output consumes two words (double results). */
    private static final int WORD_PAIR_OUTPUTS_PER_BLOCK = 2;
    /** Truncated-normal outputs produced from one independently positioned generator. */
    private static final int TRUNCATED_GROUP_SIZE = 4;
    private static final long TRUNCATED_GROUP_STRIDE_BLOCKS =
            (long) TRUNCATED_GROUP_SIZE * RESERVED_BLOCKS_PER_OUTPUT / WORDS_PER_BLOCK;
    private static final float TRUNCATE_AT = 2.0f;
    private static final float FLOAT_LOG_EPSILON = 1.0e-7f;
    private static final double DOUBLE_LOG_EPSILON = 1.0e-7;

    private final Philox generator;

    public TfRandom(long seed, long seed2) {
        this.generator = new Philox(seed, seed2);
    }

    /** {@code NormalDistribution<float>}: four Box–Muller normals per block, in order. */
    public float[] normal(int n) {
        int[] words = drawWords(n, SINGLE_WORD_OUTPUTS_PER_BLOCK);
        float[] all = new float[words.length];
        for (int i = 0; i < words.length; i += 2) {
            float[] pair = boxMullerFloat(words[i], words[i + 1]);
            all[i] = pair[0];
            all[i + 1] = pair[1];
        }
        return Arrays.copyOf(all, n);
    }

    /**
     * {@code TruncatedNormalDistribution<float>}: outputs come in groups of four; group g reads
     * words one at a time from block {@code g * 256} of the reservation and keeps Box–Muller
     * values with {@code |z| < 2} until four are accepted.
     */
    public float[] truncatedNormal(int n) {
        Philox reservation = reserve(n);
        float[] out = new float[n];
        for (int start = 0, group = 0; start < n; start += TRUNCATED_GROUP_SIZE, group++) {
            Philox groupGenerator = reservation.copy();
            groupGenerator.skip(group * TRUNCATED_GROUP_STRIDE_BLOCKS);
            float[] accepted = truncatedGroup(new WordStream(groupGenerator));
            System.arraycopy(accepted, 0, out, start, Math.min(TRUNCATED_GROUP_SIZE, n - start));
        }
        return out;
    }

    /** {@code UniformDistribution<float>}: one float in [0, 1) per uint32 word. */
    public float[] uniform(int n) {
        int[] words = drawWords(n, SINGLE_WORD_OUTPUTS_PER_BLOCK);
        float[] all = new float[words.length];
        for (int i = 0; i < words.length; i++) {
            all[i] = uint32ToFloat(words[i]);
        }
        return Arrays.copyOf(all, n);
    }

    /** {@code NormalDistribution<double>}: one Box–Muller pair per block (two words per uniform). */
    public double[] normalDouble(int n) {
        int[] words = drawWords(n, WORD_PAIR_OUTPUTS_PER_BLOCK);
        double[] all = new double[words.length / 2];
        for (int i = 0; i < all.length; i += 2) {
            int w = 2 * i;
            double[] pair = boxMullerDouble(words[w], words[w + 1], words[w + 2], words[w + 3]);
            all[i] = pair[0];
            all[i + 1] = pair[1];
        }
        return Arrays.copyOf(all, n);
    }

    /** {@code UniformDistribution<double>}: one double in [0, 1) per pair of words. */
    public double[] uniformDouble(int n) {
        int[] words = drawWords(n, WORD_PAIR_OUTPUTS_PER_BLOCK);
        double[] all = new double[words.length / 2];
        for (int i = 0; i < all.length; i++) {
            all[i] = uint64ToDouble(words[2 * i], words[2 * i + 1]);
        }
        return Arrays.copyOf(all, n);
    }

    /**
     * {@code UniformDistribution<int32>} on [lo, hi): {@code lo + (x % (hi - lo))} with x and the
     * range taken as unsigned 32-bit values, so ranges wider than {@code Integer.MAX_VALUE} work.
     */
    public int[] uniformInt(int n, int lo, int hi) {
        if (lo >= hi) {
            throw new IllegalArgumentException("Need minval < maxval, got " + lo + " >= " + hi);
        }
        int range = hi - lo;
        int[] words = drawWords(n, SINGLE_WORD_OUTPUTS_PER_BLOCK);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = lo + Integer.remainderUnsigned(words[i], range);
        }
        return out;
    }

    /** Hands out the generator position for this call and moves the kernel past its reservation. */
    private Philox reserve(int outputs) {
        if (outputs < 0) {
            throw new IllegalArgumentException("negative sample count " + outputs);
        }
        Philox local = generator.copy();
        generator.skip((long) outputs * RESERVED_BLOCKS_PER_OUTPUT);
        return local;
    }

    /** The words of the leading blocks of a fresh reservation, enough for {@code n} outputs. */
    private int[] drawWords(int n, int outputsPerBlock) {
        Philox local = reserve(n);
        int blocks = (n + outputsPerBlock - 1) / outputsPerBlock;
        int[] words = new int[blocks * WORDS_PER_BLOCK];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(local.nextBlock(), 0, words, b * WORDS_PER_BLOCK, WORDS_PER_BLOCK);
        }
        return words;
    }

    private static float[] truncatedGroup(WordStream words) {
        float[] accepted = new float[TRUNCATED_GROUP_SIZE];
        int count = 0;
        while (true) {
            int x0 = words.next();
            int x1 = words.next();
            for (float z : boxMullerFloat(x0, x1)) {
                if (Math.abs(z) < TRUNCATE_AT) {
                    accepted[count++] = z;
                    if (count == TRUNCATED_GROUP_SIZE) {
                        return accepted;
                    }
                }
            }
        }
    }

    /** Uint32ToFloat: 23 random mantissa bits under exponent 0 give [1, 2), minus one. */
    static float uint32ToFloat(int word) {
        return Float.intBitsToFloat(0x3F800000 | (word & 0x7FFFFF)) - 1.0f;
    }

    /** Uint64ToDouble: 20 mantissa bits from the first word, 32 from the second, minus one. */
    static double uint64ToDouble(int high, int low) {
        long mantissa = ((high & 0xFFFFFL) << 32) | (low & 0xFFFFFFFFL);
        return Double.longBitsToDouble((1023L << 52) | mantissa) - 1.0;
    }

    /**
     * BoxMullerFloat. The angle is formed in double ({@code 2.0f * M_PI} promotes) and rounded to
     * float; log, sin and cos are evaluated in double and rounded to float, the recipe that
     * reproduces TF's published draws. Linux builds of TF call glibc's logf/sincosf, which are not
     * always correctly rounded, so there about 1.5% of values can differ by one float ulp.
     */
    static float[] boxMullerFloat(int x0, int x1) {
        float u1 = Math.max(uint32ToFloat(x0), FLOAT_LOG_EPSILON);
        float angle = (float) (2.0 * Math.PI * uint32ToFloat(x1));
        float radius = (float) Math.sqrt(-2.0f * (float) Math.log(u1));
        return new float[] {(float) Math.sin(angle) * radius, (float) Math.cos(angle) * radius};
    }

    /**
     * BoxMullerDouble: both uniforms are Uint64ToDouble of a word pair; all math in double.
     * {@link Math} rather than {@link StrictMath}: its log/sin/cos match glibc's, which Linux TF
     * uses, far more often (about 0.2% of values still differ by one ulp).
     */
    static double[] boxMullerDouble(int x0, int x1, int x2, int x3) {
        double u1 = Math.max(uint64ToDouble(x0, x1), DOUBLE_LOG_EPSILON);
        double angle = 2 * Math.PI * uint64ToDouble(x2, x3);
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        return new double[] {Math.sin(angle) * radius, Math.cos(angle) * radius};
    }

    /** TF's SingleSampleAdapter: hands out the words of successive blocks one at a time. */
    private static final class WordStream {
        private final Philox generator;
        private int[] block = new int[0];
        private int used;

        WordStream(Philox generator) {
            this.generator = generator;
        }

        int next() {
            if (used == block.length) {
                block = generator.nextBlock();
                used = 0;
            }
            return block[used++];
        }
    }
}
