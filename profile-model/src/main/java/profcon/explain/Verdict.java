package profcon.explain;

import java.util.List;

/** What one rule said: its findings, or (when none) what it checked and found healthy, in numbers. */
public record Verdict(List<Finding> findings, String healthy) {
    public Verdict {
        findings = List.copyOf(findings);
    }

    public static Verdict found(Finding f) {
        return new Verdict(List.of(f), "");
    }

    public static Verdict healthy(String note) {
        return new Verdict(List.of(), note);
    }

    /** Nothing to say: the rule's shape is not in question here (another rule speaks for the data). */
    public static Verdict silent() {
        return new Verdict(List.of(), "");
    }
}
