import dev.nnl.Nnl;
import java.util.Locale;
import java.util.Random;

/**
 * A Java program that uses NNL for its model: the network is defined and trained in NNL on points made in Java,
 * and the predictions come back as Java arrays. With target/nnl.jar built (./nnl builds it on first use):
 *
 * <pre>
 * javac -cp target/nnl.jar -d /tmp/embedding samples/embedding/TrainFromJava.java
 * java -cp target/nnl.jar:/tmp/embedding TrainFromJava
 * </pre>
 */
public final class TrainFromJava {
    private static final String MODEL = """
            model = sequential([dense(8, activation="relu"), dense(2, activation="softmax")])
            model.compile(optimizer=adam(0.05), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
            history = model.fit(points, labels, batch_size=20, epochs=30, verbose=0)
            """;

    public static void main(String[] args) {
        // two clouds of points: label 0 around (-1, -1), label 1 around (1, 1)
        Random random = new Random(7);
        float[][] points = new float[200][2];
        long[] labels = new long[200];
        for (int i = 0; i < points.length; i++) {
            labels[i] = i % 2;
            float centre = labels[i] == 0 ? -1 : 1;
            points[i][0] = centre + (float) random.nextGaussian() * 0.5f;
            points[i][1] = centre + (float) random.nextGaussian() * 0.5f;
        }
        float[][] questions = {{-1.2f, -0.8f}, {0.9f, 1.3f}, {-0.2f, -0.1f}};

        try (Nnl nnl = Nnl.builder().seed(7).build()) {
            nnl.set("points", points);
            nnl.set("labels", labels);
            nnl.eval(MODEL);
            System.out.printf(Locale.ROOT, "training accuracy %.2f%n", nnl.eval("history[\"accuracy\"][-1]").asDouble());

            nnl.set("questions", questions);
            double[] p = nnl.eval("model.predict(questions)").toDoubleArray();  // [3, 2] in C order
            for (int i = 0; i < questions.length; i++) {
                int label = p[2 * i + 1] > p[2 * i] ? 1 : 0;
                System.out.printf(Locale.ROOT, "(%.1f, %.1f) is %d with probability %.2f%n", questions[i][0], questions[i][1], label,
                        p[2 * i + label]);
            }
        }
    }
}
