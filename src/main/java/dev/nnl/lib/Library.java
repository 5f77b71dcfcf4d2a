package dev.nnl.lib;

import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.MethodTable;

/** Assembles the standard library: every builtin name and every method of the builtin value types. */
public final class Library {
    private Library() {}

    public static BuiltinTable builtins() {
        BuiltinTable table = new BuiltinTable();
        HostBuiltins.register(table);
        TensorCreation.register(table);
        MathBuiltins.register(table);
        ReductionBuiltins.register(table);
        ShapeBuiltins.register(table);
        NumpyHelpers.register(table);
        ConvBuiltins.register(table);
        RandomBuiltins.register(table);
        GraphBuiltins.register(table);
        TrainingBuiltins.register(table);
        DataBuiltins.register(table);
        FileBuiltins.register(table);
        PipelineBuiltins.register(table);
        AugmentationBuiltins.register(table);
        LayerBuiltins.register(table);
        ModelBuiltins.register(table);
        PlotBuiltins.register(table);
        Namespaces.register(table);
        return table;
    }

    public static MethodTable methods() {
        MethodTable methods = new MethodTable();
        HostBuiltins.registerMethods(methods);
        TensorMethods.register(methods);
        RandomBuiltins.registerMethods(methods);
        GraphBuiltins.registerMethods(methods);
        TrainingBuiltins.registerMethods(methods);
        FileBuiltins.registerMethods(methods);
        PipelineBuiltins.registerMethods(methods);
        AugmentationBuiltins.registerMethods(methods);
        ModelBuiltins.registerMethods(methods);
        PlotBuiltins.registerMethods(methods);
        return methods;
    }
}
