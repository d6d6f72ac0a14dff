package profcon.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * The rules' view of a profile's stacks: a sample's culprit (its first application frame, where
 * the application called into what cost it), totals, and sites ranked by time. Every profile the
 * rules read has a count and a nanoseconds value, in that order.
 */
final class Sites {
    private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "["};

    private Sites() {
    }

    /** A culprit frame with what its samples add up to, and the samples themselves. */
    record Site(String function, String location, long count, long nanos, List<Sample> samples) {
        String shortName() {
            return Sites.shortName(function);
        }
    }

    static boolean isJdk(String function) {
        for (String p : JDK) {
            if (function.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The frames of a sample, leaf first, inlined frames included. */
    static List<Line> frames(Sample s) {
        List<Line> out = new ArrayList<>();
        for (Location l : s.locations()) {
            out.addAll(l.lines());
        }
        return out;
    }

    static String leaf(Sample s) {
        List<Line> f = frames(s);
        return f.isEmpty() ? "" : f.get(0).function().name();
    }

    /** The first application frame, or the leaf when the whole stack is the JDK's. */
    static Line culprit(Sample s) {
        List<Line> f = frames(s);
        for (Line l : f) {
            if (!isJdk(l.function().name())) {
                return l;
            }
        }
        return f.isEmpty() ? null : f.get(0);
    }

    static boolean hasFrame(Sample s, Predicate<String> function) {
        return frames(s).stream().anyMatch(l -> function.test(l.function().name()));
    }

    static long nanos(Profile p, Predicate<Sample> keep) {
        return p.samples().stream().filter(keep).mapToLong(s -> s.values()[1]).sum();
    }

    static long count(Profile p, Predicate<Sample> keep) {
        return p.samples().stream().filter(keep).mapToLong(s -> s.values()[0]).sum();
    }

    /** The samples that {@code keep} accepts, summed per culprit frame, most nanoseconds first. */
    static List<Site> byCulprit(Profile p, Predicate<Sample> keep) {
        Map<String, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : p.samples()) {
            Line c = culprit(s);
            if (c != null && keep.test(s)) {
                groups.computeIfAbsent(c.function().name(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Site> sites = new ArrayList<>();
        groups.forEach((fn, samples) -> sites.add(site(fn, samples)));
        sites.sort(Comparator.comparingLong(Site::nanos).reversed());
        return sites;
    }

    private static Site site(String function, List<Sample> samples) {
        long count = 0;
        long nanos = 0;
        Map<String, Long> lines = new HashMap<>(); // the culprit's line that carries most time
        for (Sample s : samples) {
            count += s.values()[0];
            nanos += s.values()[1];
            lines.merge(location(culprit(s)), s.values()[1], Long::sum);
        }
        String where = lines.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        return new Site(function, where, count, nanos, samples);
    }

    /** {@code File.java:42}, or the file alone when the line is unknown. */
    static String location(Line l) {
        String file = l.function().filename();
        file = file == null ? "" : file.substring(file.lastIndexOf('/') + 1);
        return l.line() > 0 ? file + ":" + l.line() : file;
    }

    /** The label value most of the samples' nanoseconds carry, or "". */
    static String topLabel(List<Sample> samples, String key) {
        Map<String, Long> by = new HashMap<>();
        for (Sample s : samples) {
            String v = s.label(key);
            if (v != null) {
                by.merge(v, s.values()[1], Long::sum);
            }
        }
        return by.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** {@code Metrics.record} for {@code profcon.demo.MysterySlowdown$Metrics.record}: what peek and list take. */
    static String shortName(String function) {
        int paren = function.indexOf('(');
        String f = paren < 0 ? function : function.substring(0, paren);
        int method = f.lastIndexOf('.');
        if (method < 0) {
            return f;
        }
        String cls = f.substring(0, method);
        int simple = Math.max(cls.lastIndexOf('.'), cls.lastIndexOf('$'));
        return cls.substring(simple + 1) + f.substring(method);
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String millis(double nanos) {
        return String.format(java.util.Locale.ROOT, nanos >= 1e7 ? "%.0f ms" : "%.2f ms", nanos / 1e6);
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.0f %%", 100 * share);
    }
}
