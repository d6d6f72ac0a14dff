package profcon.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs every rule whose inputs the evidence holds, ranks the findings and says what it could not judge. */
public final class Explainer {
    private final List<Rule> rules;

    public Explainer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Explanation explain(Evidence e) {
        return new Explainer(Rules.all()).run(e);
    }

    public Explanation run(Evidence e) {
        Set<Input> present = e.inputs();
        List<Finding> found = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        List<Rules.NotJudged> notJudged = new ArrayList<>();
        for (Rule r : rules) {
            if (!present.containsAll(r.needs())) {
                notJudged.add(new Rules.NotJudged(r.id(), r.name(), "needs " + missing(r, e, present)));
                continue;
            }
            Verdict v = r.judge(e);
            v.findings().forEach(f -> found.add(VirtualWaiters.note(SampledWaits.note(f, e), e)));
            if (!v.healthy().isEmpty()) {
                healthy.add(v.healthy());
            }
        }
        return new Explanation(e.source(), e.seconds(), rank(found), healthy, notJudged);
    }

    private static String missing(Rule r, Evidence e, Set<Input> present) {
        List<Input> absent = r.needs().stream().filter(i -> !present.contains(i)).sorted().toList();
        // the evidence's own reason (no /proc, an old JVM) says more than "this data does not hold it"
        List<String> known = absent.stream().map(e::whyMissing).filter(w -> w != null).toList();
        List<String> plain = absent.stream().filter(i -> e.whyMissing(i) == null).map(Input::what).toList();
        List<String> parts = new ArrayList<>(known);
        if (!plain.isEmpty()) {
            parts.add(String.join(" and ", plain) + ", which this data does not hold");
        }
        return String.join("; ", parts);
    }

    /**
     * Most costly first; of the findings of one family on one culprit only the best-scored is kept, so a
     * sharper reading (reader starvation) replaces the general one (lock contention) rather than repeating it.
     */
    static List<Finding> rank(List<Finding> found) {
        Map<String, Finding> best = new LinkedHashMap<>();
        for (Finding f : found) {
            best.merge(f.family() + "\n" + f.culprit(), f, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Finding> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Finding::score).reversed());
        return ranked;
    }
}
