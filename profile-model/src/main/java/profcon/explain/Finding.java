package profcon.explain;

/**
 * One named shape seen in the data: its id and name, the evidence in numbers, the culprit frame
 * ({@code function} and {@code file:line}, empty when there is none, as for a GC), how sure
 * profcon is, the command that confirms it and the profile it runs on, and a score for ranking
 * (roughly threads' worth of time lost per second of wall time).
 *
 * <p>{@code refines} names the general shape this one is a sharper reading of (reader starvation
 * is lock contention with a cause): the two are one finding when they name the same culprit.
 */
public record Finding(String id, String name, String evidence, String culprit, String location,
                      Confidence confidence, String next, String profile, double score, String refines) {
    public Finding {
        culprit = culprit == null ? "" : culprit;
        location = location == null ? "" : location;
        refines = refines == null ? "" : refines;
    }

    /** The shape this finding belongs to when findings on one culprit are merged: its own id or the one it refines. */
    public String family() {
        return refines.isEmpty() ? id : refines;
    }
}
