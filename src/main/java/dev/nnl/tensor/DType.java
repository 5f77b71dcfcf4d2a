package dev.nnl.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/** The element types NNL tensors can have, with their TensorFlow names and ND4J storage types. */
public enum DType {
    FLOAT32("float32", DataType.FLOAT),
    FLOAT64("float64", DataType.DOUBLE),
    INT32("int32", DataType.INT),
    INT64("int64", DataType.LONG),
    UINT8("uint8", DataType.UBYTE),
    BOOL("bool", DataType.BOOL);

    public final String tfName;
    public final DataType nd4j;

    DType(String tfName, DataType nd4j) {
        this.tfName = tfName;
        this.nd4j = nd4j;
    }

    public boolean isFloating() { return this == FLOAT32 || this == FLOAT64; }

    public boolean isInteger() { return this == INT32 || this == INT64 || this == UINT8; }

    public static DType of(DataType type) {
        for (DType d : values()) if (d.nd4j == type) return d;
        throw new IllegalArgumentException("unsupported element type " + type);
    }

    /** Accepts TF and numpy spellings: "float32", "float", "int32", "int", "int64", "bool", "uint8", "float64", "double". */
    public static DType parse(String name) {
        return switch (name) {
            case "float32", "float" -> FLOAT32;
            case "float64", "double" -> FLOAT64;
            case "int32", "int" -> INT32;
            case "int64", "long" -> INT64;
            case "uint8" -> UINT8;
            case "bool" -> BOOL;
            default -> null;
        };
    }

    @Override
    public String toString() { return tfName; }
}
