package profcon.explain;

/** How sure profcon is of a finding: the data fits the shape clearly, fairly, or only by a heuristic. */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
