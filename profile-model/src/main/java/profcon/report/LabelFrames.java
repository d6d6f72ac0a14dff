package profcon.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;

/** pprof's tagroot/tagleaf: pseudo frames named after label values, added at the root or leaf of each stack. */
final class LabelFrames {
    private final Profile profile;
    private final String outputUnit;
    private final Map<String, Location> interned = new LinkedHashMap<>();
    private final List<Function> functions;
    private long nextLocId;
    private long nextFunctionId;
    boolean rootMatched;
    boolean leafMatched;

    private LabelFrames(Profile profile, String outputUnit) {
        this.profile = profile;
        this.outputUnit = outputUnit;
        this.functions = new ArrayList<>(profile.functions());
        nextLocId = profile.locations().stream().mapToLong(Location::id).max().orElse(0) + 1;
        nextFunctionId = profile.functions().stream().mapToLong(Function::id).max().orElse(0) + 1;
    }

    /** Adds the frames; warnings name keys that no sample carries. */
    static Profile add(Profile p, String tagRoot, String tagLeaf, String unit, List<String> warnings) {
        List<String> roots = keys(tagRoot), leaves = keys(tagLeaf);
        if (roots.isEmpty() && leaves.isEmpty()) {
            return p;
        }
        LabelFrames f = new LabelFrames(p, unit);
        List<Sample> samples = new ArrayList<>(p.samples().size());
        for (Sample s : p.samples()) {
            samples.add(f.withFrames(s, roots, leaves));
        }
        if (!roots.isEmpty() && !f.rootMatched) {
            warnings.add("Could not find tagroot key(s) " + String.join(",", roots));
        }
        if (!leaves.isEmpty() && !f.leafMatched) {
            warnings.add("Could not find tagleaf key(s) " + String.join(",", leaves));
        }
        List<Location> locations = new ArrayList<>(p.locations());
        locations.addAll(f.interned.values());
        return new Profile(p.sampleTypes(), p.defaultSampleType(), samples, p.mappings(), locations, f.functions,
                p.dropFrames(), p.keepFrames(), p.timeNanos(), p.durationNanos(), p.periodType(), p.period(),
                p.comments(), p.docUrl());
    }

    private static List<String> keys(String value) {
        List<String> keys = new ArrayList<>();
        for (String k : value.split(",")) {
            if (!k.trim().isEmpty()) {
                keys.add(k.trim());
            }
        }
        return keys;
    }

    private Sample withFrames(Sample s, List<String> roots, List<String> leaves) {
        List<Location> locs = new ArrayList<>(frames(s, leaves, false));
        locs.addAll(s.locations());
        locs.addAll(frames(s, roots, true));
        return new Sample(locs, s.values(), s.labels(), s.numLabels(), s.numUnits());
    }

    /** One frame per key; the first key ends up closest to the root. */
    private List<Location> frames(Sample s, List<String> keys, boolean root) {
        List<Location> locs = new ArrayList<>();
        for (int i = keys.size() - 1; i >= 0; i--) {
            String k = keys.get(i);
            List<String> values = values(s, k);
            if (!values.isEmpty()) {
                rootMatched |= root;
                leafMatched |= !root;
            }
            locs.add(intern(String.join(",", values), k));
        }
        return locs;
    }

    private List<String> values(Sample s, String key) {
        List<String> values = new ArrayList<>(s.labels().getOrDefault(key, List.of()));
        List<Long> nums = s.numLabels().getOrDefault(key, List.of());
        List<String> units = s.numUnits().getOrDefault(key, List.of());
        if (nums.size() != units.size() && !units.isEmpty()) {
            return values;
        }
        for (int i = 0; i < nums.size(); i++) {
            values.add(Measurement.scaledLabel(nums.get(i), units.isEmpty() ? "" : units.get(i), outputUnit));
        }
        return values;
    }

    private Location intern(String name, String file) {
        return interned.computeIfAbsent(name + "\u0000" + file, k -> {
            Function fn = new Function(nextFunctionId++, name, "", file, 0);
            functions.add(fn);
            return new Location(nextLocId++, null, 0, List.of(new Line(fn, 0, 0)), false);
        });
    }
}
