package dev.nnl.data;

import dev.nnl.data.DatasetStore.Dataset;
import dev.nnl.data.DatasetStore.Found;
import dev.nnl.data.DatasetStore.Layout;
import dev.nnl.data.DatasetStore.Source;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.NnlTuple;
import dev.nnl.io.Csv;
import dev.nnl.io.Npz;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The data sets the course loads: scikit-learn's iris (bundled) and Keras's {@code tf.keras.datasets} as Keras returns
 * them, {@code ((x_train, y_train), (x_test, y_test))} of uint8 tensors. For the Keras ones, where their files come
 * from and in which layouts they may be stored: MNIST as Keras's mnist.npz or as the four IDX files, Fashion-MNIST as
 * the four IDX files, CIFAR-10 as the six binary batches of cifar-10-binary.tar.gz.
 */
public final class Datasets {
    private static final String KERAS = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";
    private static final List<String> IDX = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    /** Five training batches, then the test batch. */
    private static final List<String> CIFAR = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");

    public static final Dataset MNIST = new Dataset("mnist", List.of(
            new Layout(List.of("mnist.npz"), List.of(new Source(KERAS + "mnist.npz",
                    "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1", List.of()))),
            new Layout(IDX, List.of())));

    public static final Dataset FASHION_MNIST = new Dataset("fashion-mnist", List.of(new Layout(IDX, List.of(
            new Source(KERAS + IDX.get(0), "08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc", List.of()),
            new Source(KERAS + IDX.get(1), "b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc", List.of()),
            new Source(KERAS + IDX.get(2), "78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229", List.of()),
            new Source(KERAS + IDX.get(3), "42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf", List.of())))));

    public static final Dataset CIFAR10 = new Dataset("cifar-10", List.of(new Layout(CIFAR, List.of(new Source(
            "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz",
            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", CIFAR)))));

    private Datasets() {}

    /**
     * Fisher's iris table as scikit-learn's load_iris() gives it, in its order (bundled): data float64 [150, 4]
     * (sepal length, sepal width, petal length, petal width in cm), target int64 [150] (0 setosa, 1 versicolor,
     * 2 virginica).
     */
    public static NnlTuple iris() {
        Table table;
        try (Reader in = new InputStreamReader(Datasets.class.getResourceAsStream("iris.csv"), StandardCharsets.UTF_8)) {
            table = Csv.read(in, "iris.csv", new Csv.Options(0, null, ','));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled iris.csv cannot be read", e);
        }
        return NnlTuple.of(table.take(IntStream.range(0, 150).toArray(), new int[] {0, 1, 2, 3}).toTensor(), table.column(4));
    }

    /** MNIST or Fashion-MNIST: images uint8 [N, 28, 28], labels uint8 [N]. */
    public static NnlTuple mnistLike(Found found) {
        if (found.layout().files().contains("mnist.npz")) return npz(found.file("mnist.npz"));
        return NnlTuple.of(idxPair(found.file(IDX.get(0)), found.file(IDX.get(1))), idxPair(found.file(IDX.get(2)), found.file(IDX.get(3))));
    }

    /** CIFAR-10: images uint8 [N, 32, 32, 3], labels uint8 [N, 1]. */
    public static NnlTuple cifar10(Found found) {
        CifarReader.Batch train = CifarReader.read(CIFAR.subList(0, 5).stream().map(found::file).toList());
        CifarReader.Batch test = CifarReader.read(List.of(found.file(CIFAR.get(5))));
        return NnlTuple.of(NnlTuple.of(train.images(), train.labels()), NnlTuple.of(test.images(), test.labels()));
    }

    private static NnlTuple npz(Path file) {
        Map<String, Tensor> arrays = Npz.read(file);
        for (String name : List.of("x_train", "y_train", "x_test", "y_test")) {
            Tensor t = arrays.get(name);
            if (t == null) throw new NnlError("not a valid mnist.npz: " + file + ": it has no array " + name + " (it has " + arrays.keySet() + ")");
            if (t.dtype() != DType.UINT8) throw new NnlError("not a valid mnist.npz: " + file + ": " + name + " is " + t.dtype() + ", not uint8");
        }
        return NnlTuple.of(pair(arrays.get("x_train"), arrays.get("y_train"), file + " (x_train, y_train)"),
                pair(arrays.get("x_test"), arrays.get("y_test"), file + " (x_test, y_test)"));
    }

    private static NnlTuple idxPair(Path images, Path labels) {
        return pair(IdxReader.read(images), IdxReader.read(labels), images + " and " + labels);
    }

    /** Images [N, H, W] and labels [N], both uint8, or an error naming where they came from. */
    private static NnlTuple pair(Tensor images, Tensor labels, String source) {
        long[] s = images.shape();
        long[] l = labels.shape();
        if (s.length != 3 || l.length != 1 || s[0] != l[0] || images.dtype() != DType.UINT8 || labels.dtype() != DType.UINT8) {
            throw new NnlError("images and labels do not match in " + source + ": images are " + images.dtype() + " "
                    + Shapes.show(s) + " (expected uint8 [N, height, width]), labels " + labels.dtype() + " " + Shapes.show(l)
                    + " (expected uint8 [N])");
        }
        return NnlTuple.of(images, labels);
    }
}
