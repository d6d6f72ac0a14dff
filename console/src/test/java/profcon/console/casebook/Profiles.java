package profcon.console.casebook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;

/** Questions the casebook asks of a decoded profile, answered the way pprof's top and peek would. */
final class Profiles {
    private Profiles() {
    }

    /** The function with the largest flat value of {@code type} (what {@code top1} shows), over the samples kept. */
    static String flatTop(Profile p, String type, Predicate<Sample> keep) {
        int index = index(p, type);
        Map<String, Long> flat = new HashMap<>();
        for (Sample s : p.samples()) {
            if (keep.test(s) && !s.locations().isEmpty()) {
                flat.merge(leaf(s), s.values()[index], Long::sum);
            }
        }
        return flat.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new AssertionError("no samples in " + type + " profile"));
    }

    static String flatTop(Profile p, String type) {
        return flatTop(p, type, s -> true);
    }

    /** The samples whose leaf function is {@code function}. */
    static List<Sample> withLeaf(Profile p, String function) {
        return p.samples().stream().filter(s -> !s.locations().isEmpty() && leaf(s).equals(function)).toList();
    }

    static String leaf(Sample s) {
        return s.locations().get(0).lines().get(0).function().name();
    }

    /** True when some frame of the sample's stack matches {@code regex}. */
    static boolean hasFrame(Sample s, String regex) {
        Pattern p = Pattern.compile(regex);
        for (Location l : s.locations()) {
            if (p.matcher(l.lines().get(0).function().name()).find()) {
                return true;
            }
        }
        return false;
    }

    static long total(Profile p, String type) {
        return p.total(index(p, type));
    }

    static long sum(List<Sample> samples, Profile p, String type) {
        int index = index(p, type);
        return samples.stream().mapToLong(s -> s.values()[index]).sum();
    }

    private static int index(Profile p, String type) {
        int index = p.sampleTypeIndex(type);
        if (index < 0) {
            throw new AssertionError("no sample type " + type + " in " + p.sampleTypes());
        }
        return index;
    }
}
