package dev.nnl.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A parameter list: names, which ones are required, and whether extra positional arguments are collected
 * (as print's). Binding checks arity and names the same way for builtins and user functions.
 */
public final class Signature {
    /** Marks a parameter without default. */
    public static final Object REQUIRED = new Object() {
        @Override public String toString() { return "<required>"; }
    };

    private final String function;
    private final String[] names;
    private final Object[] defaults;
    private final String varargs;
    /** Parameters before {@code *rest} take positional arguments; those after it are named only. */
    private final int positionalSlots;

    private Signature(String function, String[] names, Object[] defaults, String varargs, int positionalSlots) {
        this.function = function;
        this.names = names;
        this.defaults = defaults;
        this.varargs = varargs;
        this.positionalSlots = positionalSlots;
    }

    /**
     * Parses a compact spec: {@code "x, axis=none, keepdims=false"}; {@code "*values"} collects extra positional
     * arguments, and parameters after it can only be named, as in Python. Defaults are literals: none, true, false, ints, floats, dtype names or 'strings'.
     */
    public static Signature parse(String function, String spec) {
        List<String> names = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        String varargs = null;
        int positional = -1;
        for (String part : spec.isBlank() ? new String[0] : spec.split(",")) {
            String p = part.trim();
            if (p.startsWith("*")) {
                varargs = p.substring(1);
                positional = names.size();
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                names.add(p);
                defaults.add(REQUIRED);
            } else {
                names.add(p.substring(0, eq).trim());
                defaults.add(literal(p.substring(eq + 1).trim()));
            }
        }
        return new Signature(function, names.toArray(String[]::new), defaults.toArray(), varargs,
                positional < 0 ? names.size() : positional);
    }

    public static Signature of(String function, List<String> names, List<Object> defaults) {
        return new Signature(function, names.toArray(String[]::new), defaults.toArray(), null, names.size());
    }

    private static Object literal(String text) {
        return switch (text) {
            case "none" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                if (text.startsWith("'")) yield text.substring(1, text.length() - 1);
                if (dev.nnl.tensor.DType.parse(text) != null) yield dev.nnl.tensor.DType.parse(text);
                if (text.matches("-?\\d+")) yield Long.parseLong(text);
                yield Double.parseDouble(text);
            }
        };
    }

    public String function() { return function; }

    public List<String> names() { return Arrays.asList(names); }

    public boolean hasVarargs() { return varargs != null; }

    public boolean accepts(String name) {
        return Arrays.asList(names).contains(name);
    }

    public int required() {
        int n = 0;
        for (Object d : defaults) if (d == REQUIRED) n++;
        return n;
    }

    /** Checks what can be known without values: the count of positional arguments and the names used. */
    public String problem(int positional, List<String> named) {
        if (varargs == null && positional > names.length) {
            return function + "() takes " + plural(names.length, "argument") + " but " + positional + " were given";
        }
        for (String n : named) {
            int i = Arrays.asList(names).indexOf(n);
            if (i < 0) return function + "() has no parameter '" + n + "'" + suggestion(n);
            if (i < Math.min(positional, positionalSlots)) return function + "() got two values for '" + n + "'";
        }
        for (int i = Math.min(positional, positionalSlots); i < names.length; i++) {
            if (defaults[i] == REQUIRED && !named.contains(names[i])) {
                return function + "() is missing its argument '" + names[i] + "'";
            }
        }
        return null;
    }

    /** Binds arguments to parameters in declaration order; extra positionals go to a trailing list when allowed. */
    public Object[] bind(List<Object> positional, Map<String, Object> named) {
        String problem = problem(positional.size(), new ArrayList<>(named.keySet()));
        if (problem != null) throw new NnlError(problem, usage());
        int slots = names.length + (varargs == null ? 0 : 1);
        Object[] out = new Object[slots];
        int fixed = Math.min(positional.size(), positionalSlots);
        if (varargs != null) out[names.length] = new ArrayList<>(positional.subList(fixed, positional.size()));
        for (int i = 0; i < names.length; i++) {
            if (i < fixed) out[i] = positional.get(i);
            else if (named.containsKey(names[i])) out[i] = named.get(names[i]);
            else out[i] = defaults[i];
        }
        return out;
    }

    public String usage() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (i == positionalSlots && varargs != null) parts.add("*" + varargs);
            parts.add(names[i] + (defaults[i] == REQUIRED ? "" : "=" + showDefault(defaults[i])));
        }
        if (varargs != null && positionalSlots == names.length) parts.add("*" + varargs);
        return "usage: " + function + "(" + String.join(", ", parts) + ")";
    }

    private static String showDefault(Object d) {
        if (d == null) return "none";
        if (d instanceof String s) return "\"" + s + "\"";
        return String.valueOf(d).toLowerCase();
    }

    private String suggestion(String wrong) {
        String best = null;
        int bestDistance = 3;
        for (String n : names) {
            int d = editDistance(wrong, n);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

}
