package dev.nnl.layers;

import dev.nnl.train.Compilation;

/** A layer made of layers that can be compiled and trained: sequential models and model classes. */
public abstract class Model extends Layer {
    private Compilation compilation;
    private Runnable whenBuilt;

    protected Model(String name) {
        super(name);
    }

    @Override
    public boolean isModel() { return true; }

    /** What compile() chose (optimizer, loss, metrics); null before compile. */
    public Compilation compilation() { return compilation; }

    public void setCompilation(Compilation compilation) { this.compilation = compilation; }

    /** Runs {@code action} once the model has its weights (now if it has them): load_weights before the first call. */
    public void whenBuilt(Runnable action) {
        whenBuilt = action;
    }

    @Override
    protected void afterBuild() {
        if (whenBuilt != null) {
            Runnable action = whenBuilt;
            whenBuilt = null;
            action.run();
        }
    }

    /** Keras's model names: the class name in snake case (IrisModel → iris_model, VGG16 → vg_g16). */
    public static String snakeCase(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z0-9]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
