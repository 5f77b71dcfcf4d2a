package dev.nnl.interp;

import java.util.HashSet;
import java.util.Set;

/** "Did you mean" hints for undefined names. */
public final class Names {
    private Names() {}

    public static String suggestion(String wrong, Environment env, BuiltinTable builtins) {
        Set<String> known = new HashSet<>(builtins.all().keySet());
        for (Environment e = env; e != null; e = e.enclosing()) known.addAll(e.values().keySet());
        return suggestion(wrong, known);
    }

    public static String suggestion(String wrong, Set<String> known) {
        String best = null;
        int bestDistance = Math.min(3, Math.max(1, wrong.length() / 3 + 1));
        for (String k : known) {
            int d = Signature.editDistance(wrong, k);
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? null : "did you mean '" + best + "'?";
    }
}
