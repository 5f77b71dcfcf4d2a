package dev.nnl.interp;

import java.util.ArrayList;
import java.util.List;

/** A mutable list of host values, like Python's list. */
public final class NnlList {
    private final List<Object> items;

    public NnlList(List<Object> items) {
        this.items = items;
    }

    public NnlList() {
        this(new ArrayList<>());
    }

    public List<Object> items() { return items; }
}
