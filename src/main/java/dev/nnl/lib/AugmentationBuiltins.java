package dev.nnl.lib;

import dev.nnl.interp.Args;
import dev.nnl.interp.BuiltinTable;
import dev.nnl.interp.MethodTable;
import dev.nnl.interp.NnlDict;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Values;
import dev.nnl.pipeline.ImageDataGenerator;
import dev.nnl.pipeline.ImageFlow;
import dev.nnl.pipeline.ImageTransform;
import dev.nnl.rng.RandomState;
import dev.nnl.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Data augmentation: Keras's ImageDataGenerator with fit, flow and its single-picture transforms. */
final class AugmentationBuiltins {
    private AugmentationBuiltins() {}

    private static final Set<String> TRANSFORM_KEYS = Set.of("theta", "tx", "ty", "zx", "zy", "flip_horizontal", "flip_vertical");

    static void register(BuiltinTable t) {
        t.define("image_data_generator | ImageDataGenerator", "rescale=none, rotation_range=0, width_shift_range=0.0, "
                + "height_shift_range=0.0, horizontal_flip=false, vertical_flip=false, zoom_range=0.0, seed=none", a -> {
                    double[] zoom = zoom(a, 6);
                    return new ImageDataGenerator(a.isNone(0) ? 0 : a.number(0), a.number(1), shift(a, 2), shift(a, 3),
                            zoom[0], zoom[1], a.bool(4), a.bool(5), seed(a, 7));
                });
    }

    static void registerMethods(MethodTable m) {
        m.method(ImageDataGenerator.class, "fit", "self, x", a -> {
            generator(a).fit(a.tensor(1));
            return null;
        });
        m.method(ImageDataGenerator.class, "flow", "self, x, y, batch_size=32, shuffle=true, seed=none",
                a -> new ImageFlow(generator(a), a.tensor(1), a.tensor(2), (int) a.integer(3), a.bool(4), seed(a, 5),
                        a.session().random().numpy()));
        m.method(ImageDataGenerator.class, "random_transform", "self, x, seed=none", a -> {
            Tensor x = picture(a);
            Long seed = seed(a, 2);
            RandomState random = seed == null ? a.session().random().numpy() : new RandomState(seed);
            return transformed(x, generator(a).randomTransform(random, (int) x.shape()[0], (int) x.shape()[1]));
        });
        m.method(ImageDataGenerator.class, "apply_transform", "self, x, transform_parameters",
                a -> transformed(picture(a), transform(a, 2)));
    }

    /** A picture [H, W, C] transformed, as float32. */
    private static Tensor transformed(Tensor x, ImageTransform transform) {
        long[] s = x.shape();
        float[] pixels = new float[(int) x.size()];
        var view = x.view();
        for (int i = 0; i < pixels.length; i++) pixels[i] = (float) view.get(i);
        float[] out = transform.apply(pixels, (int) s[0], (int) s[1], (int) s[2]);
        return Tensor.ofFloats(s, out);
    }

    private static Tensor picture(Args a) {
        Tensor x = a.tensor(1);
        if (x.rank() != 3) throw a.wrong(1, "one picture [height, width, channels]");
        return x;
    }

    /** Keras's transform_parameters dict: theta, tx, ty, zx, zy, flip_horizontal, flip_vertical (absent ones change nothing). */
    private static ImageTransform transform(Args a, int i) {
        if (!(a.get(i) instanceof NnlDict d)) throw a.wrong(i, "a dict such as {\"theta\": 30, \"tx\": 1, \"flip_horizontal\": true}");
        for (Object key : d.entries().keySet()) {
            if (!TRANSFORM_KEYS.contains(key)) {
                throw new NnlError("apply_transform: unknown transform parameter " + Values.typeName(key).replace("string", "'" + key + "'"),
                        "the parameters are " + String.join(", ", TRANSFORM_KEYS.stream().sorted().toList()));
            }
        }
        Map<Object, Object> p = d.entries();
        return new ImageTransform(number(p, "theta", 0), number(p, "tx", 0), number(p, "ty", 0), number(p, "zx", 1),
                number(p, "zy", 1), Values.truthy(p.get("flip_horizontal")), Values.truthy(p.get("flip_vertical")));
    }

    private static double number(Map<Object, Object> p, String key, double otherwise) {
        Object v = p.get(key);
        if (v == null) return otherwise;
        if (!Values.isNumber(v)) throw new NnlError("apply_transform: '" + key + "' must be a number, got " + Values.typeName(v));
        return Values.toDouble(v);
    }

    /** An int range shifts by whole pixels, a float one by a fraction of the side (or by pixels when at least 1). */
    private static ImageDataGenerator.Shift shift(Args a, int i) {
        Object v = a.get(i);
        if (!Values.isNumber(v) || v instanceof Boolean) throw a.wrong(i, "a number: a fraction of the side, or pixels");
        return new ImageDataGenerator.Shift(Values.toDouble(v), v instanceof Long);
    }

    /** zoom_range: z means [1 − z, 1 + z]; a pair is [low, high] itself. */
    private static double[] zoom(Args a, int i) {
        Object v = a.get(i);
        if (Values.isNumber(v) && !(v instanceof Boolean)) return new double[] {1 - Values.toDouble(v), 1 + Values.toDouble(v)};
        List<Object> pair = Values.sequence(v);
        if (pair == null || pair.size() != 2 || !pair.stream().allMatch(Values::isNumber)) throw a.wrong(i, "a number or a pair (low, high)");
        return new double[] {Values.toDouble(pair.get(0)), Values.toDouble(pair.get(1))};
    }

    /** A seed for numpy's RandomState, which takes 0 to 2**32 - 1. */
    private static Long seed(Args a, int i) {
        Long seed = a.optInteger(i);
        if (seed != null && (seed < 0 || seed > 0xFFFFFFFFL)) throw a.wrong(i, "none or a seed from 0 to 2**32 - 1");
        return seed;
    }

    private static ImageDataGenerator generator(Args a) {
        return (ImageDataGenerator) a.get(0);
    }
}
