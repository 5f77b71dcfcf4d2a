package dev.nnl.exec;

import java.util.ArrayList;
import java.util.List;

/** What `nnl ir` shows of a plan: each section's IR before and after the passes, and what each pass changed. */
public record PlanListing(String title, List<Section> sections) {
    public record Section(String name, String before, String after, List<String> passLog) {}

    static PlanListing empty(String title) {
        return new PlanListing(title, new ArrayList<>());
    }
}
