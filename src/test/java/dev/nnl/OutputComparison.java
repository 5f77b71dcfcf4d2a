package dev.nnl;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares printed output with a golden text: the words and layout must be identical, and every number must agree
 * to 1e-6 relative (float summation order may differ from the course's machine in the last digit).
 */
final class OutputComparison {
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final double RELATIVE = 1e-6;

    private OutputComparison() {}

    static void assertMatches(String expected, String actual, String what) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "<nothing>";
            String g = i < got.length ? got[i] : "<nothing>";
            if (!lineMatches(w, g)) {
                fail(what + ": output differs at line " + (i + 1) + "\n  expected: " + w + "\n  actual:   " + g
                        + "\nwhole output:\n" + actual);
            }
        }
    }

    static boolean lineMatches(String expected, String actual) {
        if (expected.equals(actual)) return true;
        List<String> wantNumbers = new ArrayList<>();
        List<String> gotNumbers = new ArrayList<>();
        String wantShape = shape(expected, wantNumbers);
        String gotShape = shape(actual, gotNumbers);
        if (!wantShape.replace(" ", "").equals(gotShape.replace(" ", "")) || wantNumbers.size() != gotNumbers.size()) {
            return false;
        }
        for (int i = 0; i < wantNumbers.size(); i++) {
            double w = Double.parseDouble(wantNumbers.get(i));
            double g = Double.parseDouble(gotNumbers.get(i));
            if (Math.abs(w - g) > RELATIVE * Math.max(Math.abs(w), Math.abs(g)) && Math.abs(w - g) > 1e-12) return false;
        }
        return true;
    }

    /** The line with each number replaced by '#', collecting the numbers. */
    private static String shape(String line, List<String> numbers) {
        Matcher m = NUMBER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            numbers.add(m.group());
            m.appendReplacement(out, "#");
        }
        m.appendTail(out);
        return out.toString();
    }
}
