package dev.nnl.opt;

import dev.nnl.ir.Node;
import java.util.List;

/** One rewrite of a section's graph; it returns the new roots (same count and order) and says what it changed. */
public interface Pass {
    String name();

    List<Node> run(List<Node> roots, PassLog log);
}
