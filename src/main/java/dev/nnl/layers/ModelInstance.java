package dev.nnl.layers;

import dev.nnl.interp.Function;
import dev.nnl.interp.NnlList;
import dev.nnl.interp.NnlTuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A model made from a model class: its fields (layers and other values), its methods, and call as the forward pass. */
public final class ModelInstance extends Model {
    private final String className;
    private final Map<String, Object> fields;
    private final Map<String, Function> methods;
    private final Function forward;

    public ModelInstance(String name, String className, Map<String, Object> fields, Map<String, Function> methods,
                         Function forward) {
        super(name);
        this.className = className;
        this.fields = fields;
        this.methods = methods;
        this.forward = forward;
    }

    @Override public String typeName() { return className; }

    /** The layers among the fields (also inside list fields), in declaration order. */
    @Override
    public List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        for (Object v : fields.values()) {
            if (v instanceof Layer l) out.add(l);
            List<Object> items = v instanceof NnlList l ? l.items() : v instanceof NnlTuple t ? t.items() : List.of();
            for (Object o : items) if (o instanceof Layer l) out.add(l);
        }
        return out;
    }

    @Override
    protected Object forward(LayerCall call, Object x) {
        if (forward.signature().accepts("training")) {
            return forward.call(call.interpreter(), List.of(x), Map.of("training", call.training()), call.span());
        }
        return forward.call(call.interpreter(), List.of(x), Map.of(), call.span());
    }

    @Override
    public boolean hasAttribute(String name) {
        return fields.containsKey(name) || methods.containsKey(name) || super.hasAttribute(name);
    }

    @Override
    public Collection<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>(fields.keySet());
        names.addAll(methods.keySet());
        names.addAll(super.attributeNames());
        return names;
    }

    @Override
    public Object attribute(String name) {
        if (fields.containsKey(name)) return fields.get(name);
        if (methods.containsKey(name)) return methods.get(name);
        return super.attribute(name);
    }
}
