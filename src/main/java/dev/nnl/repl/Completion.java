package dev.nnl.repl;

import dev.nnl.interp.Builtin;
import dev.nnl.interp.Callable;
import dev.nnl.interp.HasAttributes;
import dev.nnl.interp.NnlError;
import dev.nnl.interp.Signature;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * What tab offers for the word at the cursor: after a dot, the fields and methods of the value before it
 * ({@code net.} gives its layers and {@code fit}, {@code x.} the tensor methods); otherwise keywords, builtins and
 * the session's names, and inside a call its named parameters ({@code dense(3, activ} gives {@code activation=}).
 * Nothing is evaluated: values are reached only through names, namespaces and fields.
 */
final class Completion {
    /** The word at the end of the text: names joined by dots. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.]*$");
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");

    private Completion() {}

    /** Whether {@code c} belongs to a word; the line parser splits words elsewhere, so that words match {@link #WORD}. */
    static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.');
    }

    /** The completions of the word that ends at {@code cursor}; each replaces the whole word. */
    static List<String> candidates(Repl repl, String text, int cursor) {
        String before = text.substring(0, cursor);
        Matcher word = WORD.matcher(before);
        word.find();
        String typed = word.group();
        int dot = typed.lastIndexOf('.');
        if (dot >= 0) return members(repl, typed.substring(0, dot), typed.substring(dot + 1));
        Set<String> out = new TreeSet<>(Tokens.KEYWORDS);
        out.addAll(repl.session().builtins().all().keySet());
        out.addAll(repl.globals().keySet());
        String call = enclosingCall(before.substring(0, word.start()));
        Signature signature = call == null ? null : signature(repl, call);
        if (signature != null) {
            for (String p : signature.names()) {
                if (p.equals("self")) continue;
                out.remove(p); // the parameter hides a name it shares, so that `activ` completes to `activation=` at once
                out.add(p + "=");
            }
        }
        return out.stream().filter(c -> c.startsWith(typed)).toList();
    }

    private static List<String> members(Repl repl, String path, String prefix) {
        Object target = DOTTED_NAME.matcher(path).matches() ? resolve(repl, path) : null;
        if (target == null) return List.of();
        Set<String> names = new TreeSet<>(repl.session().methods().names(target));
        if (target instanceof HasAttributes h) names.addAll(h.attributeNames());
        return names.stream().filter(n -> n.startsWith(prefix)).map(n -> path + "." + n).toList();
    }

    /** The parameters of the function a dotted name calls: a builtin, a script function, a layer or a method. */
    private static Signature signature(Repl repl, String call) {
        if (resolve(repl, call) instanceof Callable c) return c.signature();
        int dot = call.lastIndexOf('.');
        Object owner = dot < 0 ? null : resolve(repl, call.substring(0, dot));
        Builtin method = owner == null ? null : repl.session().methods().method(owner, call.substring(dot + 1));
        return method == null ? null : method.signature();
    }

    /** The value a dotted name denotes through the session's names, builtins, namespaces and fields; null if unknown. */
    private static Object resolve(Repl repl, String path) {
        String[] parts = path.split("\\.");
        Object v = repl.globals().containsKey(parts[0]) ? repl.globals().get(parts[0]) : repl.session().builtins().get(parts[0]);
        for (int i = 1; i < parts.length && v != null; i++) {
            v = v instanceof HasAttributes h && h.hasAttribute(parts[i]) ? attribute(h, parts[i]) : null;
        }
        return v;
    }

    private static Object attribute(HasAttributes owner, String name) {
        try {
            return owner.attribute(name);
        } catch (NnlError absent) {
            return null;
        }
    }

    /** The dotted name of the innermost call whose parenthesis is still open at the end of {@code text}, or null. */
    static String enclosingCall(String text) {
        List<Token> tokens = Tokens.of(text);
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            switch (tokens.get(i).getText()) {
                case "(" -> open.push(calleeBefore(tokens, i));
                case "[", "{" -> open.push("");
                case ")", "]", "}" -> open.poll();
                default -> { }
            }
        }
        return open.isEmpty() || open.peek().isEmpty() ? null : open.peek();
    }

    /** The dotted name that ends right before token {@code i} ({@code m.fit} in {@code m.fit(}), or "" if none does. */
    private static String calleeBefore(List<Token> tokens, int i) {
        String name = "";
        for (int j = i - 1; j >= 0 && Tokens.isName(tokens.get(j)); j -= 2) {
            name = name.isEmpty() ? tokens.get(j).getText() : tokens.get(j).getText() + "." + name;
            if (j == 0 || !tokens.get(j - 1).getText().equals(".")) break;
        }
        return name;
    }
}
