package profcon.explain;

import java.util.List;

/**
 * What explain concluded about one window: findings ranked, most costly first; what was checked
 * and found healthy; and the shapes it could not judge, with why.
 */
public record Explanation(String source, double seconds, List<Finding> findings, List<String> healthy,
                          List<Rules.NotJudged> notJudged) {
    public Explanation {
        findings = List.copyOf(findings);
        healthy = List.copyOf(healthy);
        notJudged = List.copyOf(notJudged);
    }

    /** The finding of that shape, if any: what {@code expect finding=ID} checks. */
    public java.util.Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
