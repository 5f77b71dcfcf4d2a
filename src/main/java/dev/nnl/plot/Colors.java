package dev.nnl.plot;

import dev.nnl.interp.NnlError;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Colours by matplotlib's names, and its default cycle ("tab10"), which series without a colour take in turn. */
public final class Colors {
    private static final Color[] CYCLE = {
        hex("#1f77b4"), hex("#ff7f0e"), hex("#2ca02c"), hex("#d62728"), hex("#9467bd"),
        hex("#8c564b"), hex("#e377c2"), hex("#7f7f7f"), hex("#bcbd22"), hex("#17becf"),
    };
    private static final List<String> TAB_NAMES =
            List.of("blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan");

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("b", hex("#0000ff")), Map.entry("blue", hex("#0000ff")),
            Map.entry("g", hex("#008000")), Map.entry("green", hex("#008000")),
            Map.entry("r", hex("#ff0000")), Map.entry("red", hex("#ff0000")),
            Map.entry("c", hex("#00bfbf")), Map.entry("cyan", hex("#00ffff")),
            Map.entry("m", hex("#bf00bf")), Map.entry("magenta", hex("#ff00ff")),
            Map.entry("y", hex("#bfbf00")), Map.entry("yellow", hex("#ffff00")),
            Map.entry("k", hex("#000000")), Map.entry("black", hex("#000000")),
            Map.entry("w", hex("#ffffff")), Map.entry("white", hex("#ffffff")),
            Map.entry("orange", hex("#ffa500")), Map.entry("purple", hex("#800080")),
            Map.entry("brown", hex("#a52a2a")), Map.entry("pink", hex("#ffc0cb")),
            Map.entry("gray", hex("#808080")), Map.entry("grey", hex("#808080")),
            Map.entry("olive", hex("#808000")), Map.entry("navy", hex("#000080")));

    private Colors() {}

    /** The i-th colour of the default cycle ({@code "C0"}, {@code "C1"}, ...), repeating after ten. */
    public static Color cycle(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /** A colour written as matplotlib accepts it: a name ("red", "r"), "C0"–"C9", "tab:blue" or "#rrggbb". */
    public static Color named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.matches("#[0-9a-f]{6}")) return hex(n);
        if (n.matches("c[0-9]")) return cycle(n.charAt(1) - '0');
        if (n.startsWith("tab:")) {
            int i = TAB_NAMES.indexOf(n.substring(4));
            if (i >= 0) return cycle(i);
        }
        Color c = NAMED.get(n);
        if (c == null) {
            throw new NnlError("unknown colour '" + name + "'",
                    "use a name such as 'red', 'blue', 'k', a cycle colour 'C0'..'C9' or '#rrggbb'");
        }
        return c;
    }

    private static Color hex(String s) {
        return new Color(Integer.parseInt(s.substring(1), 16));
    }
}
