package dev.nnl.train;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;

/** The checks of labels against the loss and the model's output that fit and evaluate make before any batch runs. */
final class LabelChecks {
    private LabelChecks() {}

    /**
     * Checks that the labels suit the loss and the model's output before anything runs: class indices against a
     * one-hot loss, one-hot rows against a sparse loss, or labels whose shape differs from the predictions'.
     */
    static void check(LossFunction loss, long[] pred, Tensor labelData, String which) {
        long[] labels = labelData.shape();
        String p = Shapes.show(pred).replaceFirst("^\\[-1", "[?");
        String l = Shapes.show(labels);
        long classes = pred[pred.length - 1];
        boolean indexLabels = labels.length == 1 || (labels.length == 2 && labels[1] == 1);
        switch (loss.kind()) {
            case SPARSE_CATEGORICAL -> {
                if (!indexLabels) {
                    throw new NnlError(which + " labels of shape " + l + " look one-hot, but sparse_categorical_crossentropy takes "
                            + "class indices (one number per example)", "use loss=\"categorical_crossentropy\", or argmax(labels, axis=1)");
                }
                if (pred.length != 2 || classes < 2) {
                    throw new NnlError("sparse_categorical_crossentropy needs one probability per class, but the model outputs "
                            + p, "end the model with dense(number_of_classes, activation=\"softmax\")");
                }
                checkClassRange(labelData, classes, which);
            }
            case CATEGORICAL -> {
                if (indexLabels && classes > 1) {
                    throw new NnlError(which + " labels of shape " + l + " are class indices, but categorical_crossentropy "
                            + "takes one-hot rows like the model's output " + p,
                            "use loss=\"sparse_categorical_crossentropy\", or one_hot(labels, " + classes + ")");
                }
                requireSameShape(pred, labels, p, l, loss, which);
            }
            case CUSTOM -> { }
            default -> requireSameShape(pred, labels, p, l, loss, which);
        }
    }

    private static void requireSameShape(long[] pred, long[] labels, String p, String l, LossFunction loss, String which) {
        boolean same = pred.length == labels.length;
        for (int i = 1; same && i < pred.length; i++) same = pred[i] == labels[i];
        // a trailing axis of 1 on one side only is matched up (LossFunction.aligned)
        boolean column = pred.length == 2 && pred[1] == 1 && labels.length == 1
                || labels.length == 2 && labels[1] == 1 && pred.length == 1;
        if (same || column) return;
        String hint = labels.length == 2 && labels[1] == 1 && pred[pred.length - 1] > 1
                ? "the labels look like class indices: use loss=\"sparse_categorical_crossentropy\", or end the model with dense(1)"
                : "make the model's last layer produce " + l.replaceFirst("^\\[\\d+", "[?") + " outputs";
        throw new NnlError(loss.name() + " compares predictions " + p + " with " + which + " labels " + l
                + ", which do not have the same shape", hint);
    }

    private static void checkClassRange(Tensor labels, long classes, String which) {
        var v = labels.view();
        long n = Shapes.size(labels.shape());
        for (int i = 0; i < n; i++) {
            double k = v.get(i);
            if (k < 0 || k >= classes || k != Math.floor(k)) {
                throw new NnlError(which + " label " + (k == Math.floor(k) ? String.valueOf((long) k) : String.valueOf(k))
                        + " (row " + i + ") is not a class index of the model's " + classes + " outputs",
                        "labels must be 0 to " + (classes - 1));
            }
        }
    }

}
