package dev.nnl.exec;

import java.util.List;

/** What `nnl ir` shows of a plan: each section's IR before and after the passes, and what each pass changed. */
public record PlanListing(String title, List<Section> sections) {
    public record Section(String name, String before, String after, List<String> passLog, List<String> afterEachChange) {}

    /** The listing as `nnl ir` prints it. */
    public String render(boolean afterEachChange) {
        StringBuilder out = new StringBuilder("plan " + title + "\n");
        for (Section s : sections) {
            out.append("section ").append(s.name()).append("\nbefore passes:\n").append(s.before());
            if (afterEachChange) for (String a : s.afterEachChange()) out.append(a);
            out.append("after passes (").append(String.join("; ", s.passLog())).append("):\n").append(s.after());
        }
        return out.toString();
    }
}
