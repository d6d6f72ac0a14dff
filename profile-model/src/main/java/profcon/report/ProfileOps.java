package profcon.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import profcon.model.Function;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;

/** Whole-profile operations pprof's driver applies when loading: drop_frames pruning, base subtraction, comments. */
public final class ProfileOps {
    /** The label pprof puts on samples that come from a diff_base profile. */
    public static final String BASE_LABEL = "pprof::base";

    private ProfileOps() {
    }

    /** pprof's RemoveUninteresting: prunes frames matching the profile's drop_frames (unless keep_frames). */
    public static Profile removeUninteresting(Profile p) throws ReportException {
        if (p.dropFrames().isEmpty()) {
            return p;
        }
        Pattern drop = anchored(p.dropFrames());
        Pattern keep = p.keepFrames().isEmpty() ? null : anchored(p.keepFrames());
        Map<Location, Location> replaced = new IdentityHashMap<>();
        Map<Location, Boolean> prune = new IdentityHashMap<>();
        for (Location l : p.locations()) {
            int i = lastDropped(l, drop, keep);
            if (i < 0) {
                continue;
            }
            prune.put(l, i == l.lines().size() - 1);
            if (i < l.lines().size() - 1) {
                replaced.put(l, new Location(l.id(), l.mapping(), l.address(),
                        l.lines().subList(i + 1, l.lines().size()), l.isFolded()));
            }
        }
        return prune.isEmpty() ? p : rebuild(p, replaced, prune);
    }

    private static Pattern anchored(String rx) throws ReportException {
        try {
            return Pattern.compile("^(" + rx + ")$");
        } catch (PatternSyntaxException e) {
            throw new ReportException("failed to compile regexp " + rx + ": " + e.getDescription());
        }
    }

    private static int lastDropped(Location l, Pattern drop, Pattern keep) {
        for (int i = l.lines().size() - 1; i >= 0; i--) {
            Function fn = l.lines().get(i).function();
            if (fn != null && !fn.name().isEmpty()) {
                String name = simplifyFunc(fn.name());
                if (drop.matcher(name).find() && (keep == null || !keep.matcher(name).find())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static final List<String> RESERVED = List.of("(anonymous namespace)", "operator()");

    /** pprof's simplifyFunc: strips a leading '.' and the argument list, sparing reserved names. */
    static String simplifyFunc(String f) {
        String name = f.startsWith(".") ? f.substring(1) : f;
        int from = 0;
        while (true) {
            int paren = name.indexOf('(', from);
            if (paren < 0) {
                return name;
            }
            String reserved = RESERVED.stream().filter(r -> name.startsWith(r, paren)).findFirst().orElse(null);
            if (reserved == null) {
                return name.substring(0, paren);
            }
            from = paren + reserved.length();
        }
    }

    private static Profile rebuild(Profile p, Map<Location, Location> replaced, Map<Location, Boolean> prune) {
        List<Sample> samples = new ArrayList<>(p.samples().size());
        for (Sample s : p.samples()) {
            List<Location> locs = prunedStack(s.locations(), prune);
            List<Location> mapped = new ArrayList<>(locs.size());
            for (Location l : locs) {
                mapped.add(replaced.getOrDefault(l, l));
            }
            samples.add(new Sample(mapped, s.values(), s.labels(), s.numLabels(), s.numUnits()));
        }
        List<Location> locations = p.locations().stream().map(l -> replaced.getOrDefault(l, l)).toList();
        return new Profile(p.sampleTypes(), p.defaultSampleType(), samples, p.mappings(), locations,
                p.functions(), p.dropFrames(), p.keepFrames(), p.timeNanos(), p.durationNanos(),
                p.periodType(), p.period(), p.comments(), p.docUrl());
    }

    private static List<Location> prunedStack(List<Location> locs, Map<Location, Boolean> prune) {
        boolean foundUser = false;
        for (int i = locs.size() - 1; i >= 0; i--) {
            Boolean whole = prune.get(locs.get(i));
            if (whole == null) {
                foundUser = true;
            } else if (foundUser) {
                return locs.subList(whole ? i + 1 : i, locs.size());
            }
        }
        return locs;
    }

    /** The profile with one more comment line (pprof's -add_comment). */
    public static Profile addComment(Profile p, String comment) {
        List<String> comments = new ArrayList<>(p.comments());
        comments.add(comment);
        return p.withComments(comments);
    }

    /**
     * Subtracts {@code base} from {@code p} as pprof's -base / -diff_base do: the base's values are
     * negated and its samples appended; for a diff they carry the {@value #BASE_LABEL} label.
     */
    public static Profile subtractBase(Profile p, Profile base, boolean diff, boolean normalize)
            throws ReportException {
        checkCompatible(p, base);
        Profile source = normalize ? normalized(p, base) : p;
        long maxId = 0;
        for (Location l : source.locations()) {
            maxId = Math.max(maxId, l.id());
        }
        Map<Location, Location> renumbered = new IdentityHashMap<>();
        List<Location> locations = new ArrayList<>(source.locations());
        for (Location l : base.locations()) {
            Location copy = new Location(maxId + l.id(), l.mapping(), l.address(), l.lines(), l.isFolded());
            renumbered.put(l, copy);
            locations.add(copy);
        }
        List<Sample> samples = new ArrayList<>(source.samples());
        for (Sample s : base.samples()) {
            samples.add(negated(s, renumbered, diff));
        }
        List<Function> functions = new ArrayList<>(source.functions());
        functions.addAll(base.functions());
        return new Profile(source.sampleTypes(), source.defaultSampleType(), samples, source.mappings(),
                locations, functions, source.dropFrames(), source.keepFrames(), source.timeNanos(),
                source.durationNanos(), source.periodType(), source.period(), source.comments(), source.docUrl());
    }

    private static void checkCompatible(Profile p, Profile base) throws ReportException {
        List<String> a = p.sampleTypes().stream().map(ValueType::type).toList();
        List<String> b = base.sampleTypes().stream().map(ValueType::type).toList();
        if (!a.equals(b)) {
            throw new ReportException("incompatible sample types " + a + " and " + b);
        }
    }

    private static Sample negated(Sample s, Map<Location, Location> renumbered, boolean diff) {
        long[] values = s.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = -values[i];
        }
        List<Location> locs = s.locations().stream().map(l -> renumbered.getOrDefault(l, l)).toList();
        Map<String, List<String>> labels = s.labels();
        if (diff) {
            labels = new LinkedHashMap<>(labels);
            labels.put(BASE_LABEL, List.of("true"));
        }
        return new Sample(locs, values, labels, s.numLabels(), s.numUnits());
    }

    /** pprof's Normalize: scales each value of {@code p} so its total equals the base's total. */
    private static Profile normalized(Profile p, Profile base) {
        int n = p.sampleTypes().size();
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            long src = p.total(i);
            ratio[i] = src == 0 ? 0 : (double) base.total(i) / src;
        }
        List<Sample> samples = new ArrayList<>(p.samples().size());
        for (Sample s : p.samples()) {
            long[] v = s.values().clone();
            for (int i = 0; i < v.length && i < n; i++) {
                v[i] = ratio[i] == 1 ? v[i] : (long) (v[i] * ratio[i]);
            }
            samples.add(s.withValues(v));
        }
        return p.withSamples(samples);
    }

    /** pprof's NumLabelUnits: the unit of each numeric label key (declared, or guessed from the key). */
    public static synchronized Map<String, String> numLabelUnits(Profile p) {
        // Reports on the same loaded profile ask again and again; the answer depends on it alone.
        if (lastUnitsProfile.get() != p) {
            lastUnits = Map.copyOf(computeNumLabelUnits(p));
            lastUnitsProfile = new java.lang.ref.SoftReference<>(p);
        }
        return lastUnits;
    }

    private static java.lang.ref.SoftReference<Profile> lastUnitsProfile = new java.lang.ref.SoftReference<>(null);
    private static Map<String, String> lastUnits;

    private static Map<String, String> computeNumLabelUnits(Profile p) {
        Map<String, String> units = new TreeMap<>();
        Map<String, Boolean> keys = new HashMap<>();
        for (Sample s : p.samples()) {
            for (String k : s.numLabels().keySet()) {
                keys.put(k, true);
                for (String u : s.numUnits().getOrDefault(k, List.of())) {
                    if (!u.isEmpty()) {
                        units.putIfAbsent(k, u);
                    }
                }
            }
        }
        for (String k : keys.keySet()) {
            if (units.getOrDefault(k, "").isEmpty()) {
                units.put(k, k.equals("alignment") || k.equals("request") ? "bytes" : k);
            }
        }
        return units;
    }

    /** pprof's SampleIndexByName: "" picks the default type (or the last), a number an index, else a type name. */
    public static int sampleIndex(Profile p, String name) throws ReportException {
        List<ValueType> types = p.sampleTypes();
        if (name.isEmpty()) {
            int def = p.sampleTypeIndex(p.defaultSampleType());
            return !p.defaultSampleType().isEmpty() && def >= 0 ? def : types.size() - 1;
        }
        try {
            int i = Integer.parseInt(name);
            if (i < 0 || i >= types.size()) {
                throw new ReportException("sample_index " + name + " is outside the range [0.."
                        + (types.size() - 1) + "]");
            }
            return i;
        } catch (NumberFormatException notANumber) {
            String noInuse = name.startsWith("inuse_") ? name.substring(6) : name;
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i).type().equals(name) || types.get(i).type().equals(noInuse)) {
                    return i;
                }
            }
            List<String> names = types.stream().map(ValueType::type).toList();
            throw new ReportException("sample_index \"" + name + "\" must be one of: "
                    + names.toString().replace(",", ""));
        }
    }
}
