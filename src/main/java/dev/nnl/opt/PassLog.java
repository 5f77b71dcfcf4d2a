package dev.nnl.opt;

import java.util.ArrayList;
import java.util.List;

/** What the passes changed, one line per pass, for `nnl ir`. */
public final class PassLog {
    private final List<String> lines = new ArrayList<>();

    void record(String pass, int changed, String what) {
        lines.add(pass + ": " + changed + " " + what);
    }

    public List<String> lines() { return lines; }
}
