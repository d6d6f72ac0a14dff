package profcon.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import profcon.model.Function;
import profcon.model.Line;

/**
 * pprof's sample filters (profile/filter.go) on a {@link WorkProfile}: focus, ignore, hide, show,
 * show_from, prune_from, tag filters and tag show/hide. Each returns whether its expression matched.
 */
public final class Filters {
    private Filters() {
    }

    /** Matches found by {@link #byName}: focus, ignore, hide, show. */
    public record NameMatches(boolean focus, boolean ignore, boolean hide, boolean show) {
    }

    /** FilterSamplesByName: keeps samples through a focus location and no ignored one; hides/shows lines. */
    public static NameMatches byName(WorkProfile w, Pattern focus, Pattern ignore, Pattern hide, Pattern show) {
        if (focus == null && ignore == null && hide == null && show == null) {
            return new NameMatches(true, false, false, false);
        }
        boolean fm = false, im = false, hm = false, hnm = false;
        int n = w.locations().size();
        Boolean[] focusOrIgnore = new Boolean[n];
        boolean[] hidden = new boolean[n];
        boolean anyHidden = false;
        for (WLoc l : w.locations()) {
            if (ignore != null && matchesName(l, ignore)) {
                im = true;
                focusOrIgnore[l.index] = false;
            } else if (focus == null || matchesName(l, focus)) {
                fm = true;
                focusOrIgnore[l.index] = true;
            }
            if (hide != null && matchesName(l, hide)) {
                hm = true;
                l.lines = linesWhere(l, hide, false);
                hidden[l.index] = l.lines.isEmpty();
            }
            if (show != null) {
                l.lines = linesWhere(l, show, true);
                hidden[l.index] = l.lines.isEmpty();
                hnm |= !l.lines.isEmpty();
            }
            anyHidden |= hidden[l.index];
        }
        boolean dropHidden = anyHidden;
        w.mapStacks(s -> focusedAndNotIgnored(s, focusOrIgnore) ? (dropHidden ? without(s, hidden) : s) : null);
        return new NameMatches(fm, im, hm, hnm);
    }

    private static Stack without(Stack s, boolean[] hidden) {
        List<WLoc> kept = new ArrayList<>(s.locs.length);
        for (WLoc l : s.locs) {
            if (!hidden[l.index]) {
                kept.add(l);
            }
        }
        return kept.isEmpty() ? null : s.with(kept.toArray(new WLoc[0]));
    }

    private static boolean focusedAndNotIgnored(Stack s, Boolean[] m) {
        boolean focused = false;
        for (WLoc l : s.locs) {
            Boolean f = m[l.index];
            if (f != null) {
                if (!f) {
                    return false;
                }
                focused = true;
            }
        }
        return focused;
    }

    static boolean find(Pattern p, String s) {
        return p.matcher(s).find();
    }

    /** Whether any function name or file name of the location, or its mapping's file, matches. */
    static boolean matchesName(WLoc l, Pattern re) {
        for (Line ln : l.lines) {
            Function fn = ln.function();
            if (fn != null && (find(re, fn.name()) || find(re, fn.filename()))) {
                return true;
            }
        }
        return l.mapping != null && find(re, l.mapping.file());
    }

    private static List<Line> linesWhere(WLoc l, Pattern re, boolean matching) {
        if (l.mapping != null && find(re, l.mapping.file())) {
            return matching ? l.lines : List.of();
        }
        List<Line> kept = new ArrayList<>();
        for (Line ln : l.lines) {
            Function fn = ln.function();
            boolean m = fn != null && (find(re, fn.name()) || find(re, fn.filename()));
            if (fn == null || m == matching) {
                kept.add(ln);
            }
        }
        return List.copyOf(kept);
    }

    /** ShowFrom: drops frames above the highest (closest to the root) matching frame. */
    public static boolean showFrom(WorkProfile w, Pattern re) {
        boolean[] match = new boolean[w.locations().size()];
        boolean matched = false;
        for (WLoc l : w.locations()) {
            if (l.mapping != null && find(re, l.mapping.file())) {
                match[l.index] = true;
            } else {
                int i = lastMatchedLine(l, re);
                if (i >= 0) {
                    l.lines = List.copyOf(l.lines.subList(0, i + 1));
                    match[l.index] = true;
                }
            }
            matched |= match[l.index];
        }
        w.mapStacks(s -> {
            for (int i = s.locs.length - 1; i >= 0; i--) {
                if (match[s.locs[i].index]) {
                    return s.with(java.util.Arrays.copyOf(s.locs, i + 1));
                }
            }
            return null;
        });
        return matched;
    }

    private static int lastMatchedLine(WLoc l, Pattern re) {
        for (int i = l.lines.size() - 1; i >= 0; i--) {
            Function fn = l.lines.get(i).function();
            if (fn != null && (find(re, fn.name()) || find(re, fn.filename()))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * PruneFrom: in each stack, drops the frames beneath (callee side of) the leaf-most location whose
     * function matches; in that location, lines inlined into the match go too. {@code simplify} is
     * pprof's simplifyFunc (argument lists removed).
     */
    public static void pruneFrom(WorkProfile w, Pattern re, java.util.function.UnaryOperator<String> simplify) {
        boolean[] beneath = new boolean[w.locations().size()];
        for (WLoc l : w.locations()) {
            for (int i = 0; i < l.lines.size(); i++) {
                Function fn = l.lines.get(i).function();
                if (fn != null && !fn.name().isEmpty() && find(re, simplify.apply(fn.name()))) {
                    beneath[l.index] = true;
                    l.lines = List.copyOf(l.lines.subList(i, l.lines.size()));
                    break;
                }
            }
        }
        w.mapStacks(s -> {
            for (int i = 0; i < s.locs.length; i++) {
                if (beneath[s.locs[i].index]) {
                    return s.with(java.util.Arrays.copyOfRange(s.locs, i, s.locs.length));
                }
            }
            return s;
        });
    }

    /** Matches found by {@link #byTag}: focus, ignore. */
    public record TagMatches(boolean focus, boolean ignore) {
    }

    /** A test of one sample's string and numeric labels. */
    public interface LabelTest {
        boolean test(Map<String, List<String>> labels, Map<String, List<Long>> numLabels);
    }

    /** FilterSamplesByTag: keeps samples matching {@code focus} (if any) and not {@code ignore}. */
    public static TagMatches byTag(WorkProfile w, LabelTest focus, LabelTest ignore) {
        boolean[] matched = new boolean[2];
        w.retain(k -> {
            boolean focused = focus == null || focus.test(w.labels(k), w.numLabels(k));
            boolean ignored = ignore != null && ignore.test(w.labels(k), w.numLabels(k));
            matched[0] |= focused;
            matched[1] |= ignored;
            return focused && !ignored;
        });
        return new TagMatches(matched[0], matched[1]);
    }

    /** FilterTagsByName: removes labels not matching {@code show} or matching {@code hide}; returns (show, hide) matched. */
    public static boolean[] tagsByName(WorkProfile w, Pattern show, Pattern hide) {
        boolean[] matched = new boolean[2];
        Predicate<String> remove = key -> {
            boolean s = show == null || find(show, key);
            boolean h = hide != null && find(hide, key);
            matched[0] |= s;
            matched[1] |= h;
            return !s || h;
        };
        for (int k = 0; k < w.size(); k++) {
            Map<String, List<Long>> nums = kept(w.numLabels(k), remove);
            w.setLabels(k, kept(w.labels(k), remove), nums, keysOf(w.numUnits(k), nums));
        }
        return matched;
    }

    private static <V> Map<String, V> kept(Map<String, V> m, Predicate<String> remove) {
        if (m.isEmpty()) {
            return m;
        }
        Map<String, V> out = new HashMap<>();
        for (Map.Entry<String, V> e : m.entrySet()) {
            if (!remove.test(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static Map<String, List<String>> keysOf(Map<String, List<String>> units, Map<String, ?> keys) {
        Map<String, List<String>> out = new HashMap<>();
        units.forEach((k, v) -> {
            if (keys.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
