package profcon.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Mapping;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;

/** Builds small profiles with Java frames ("com.example.Metrics.record Metrics.java:42") for tests. */
final class JavaProfileBuilder {
    private final List<ValueType> types;
    private final Mapping jvm = new Mapping(1, 0, 0, 0, "", "", true, true, true, false);
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private long durationNanos;

    JavaProfileBuilder(ValueType... types) {
        this.types = List.of(types);
    }

    static JavaProfileBuilder cpu() {
        return new JavaProfileBuilder(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds"));
    }

    JavaProfileBuilder duration(long nanos) {
        durationNanos = nanos;
        return this;
    }

    /** Adds a sample; frames are "package.Class.method:line", leaf first. */
    JavaProfileBuilder sample(long[] values, String... frames) {
        return sample(values, Map.of(), Map.of(), frames);
    }

    JavaProfileBuilder sample(long[] values, Map<String, List<String>> labels, Map<String, List<Long>> numLabels,
                              String... frames) {
        List<Location> locs = new ArrayList<>();
        for (String frame : frames) {
            locs.add(location(frame));
        }
        samples.add(new Sample(locs, values, labels, numLabels, Map.of()));
        return this;
    }

    private Location location(String frame) {
        return locations.computeIfAbsent(frame, f -> {
            int colon = f.lastIndexOf(':');
            String name = f.substring(0, colon);
            Function fn = function(name);
            return new Location(locations.size() + 1, jvm, 0,
                    List.of(new Line(fn, Long.parseLong(f.substring(colon + 1)), 0)), false);
        });
    }

    private Function function(String name) {
        return functions.computeIfAbsent(name, n -> {
            String cls = n.substring(0, n.lastIndexOf('.'));
            String file = cls.substring(cls.lastIndexOf('.') + 1) + ".java";
            return new Function(functions.size() + 1, n, n, file, 0);
        });
    }

    Profile build() {
        return new Profile(types, "", samples, List.of(jvm), new ArrayList<>(locations.values()),
                new ArrayList<>(functions.values()), "", "", 0, durationNanos, types.get(types.size() - 1), 1,
                List.of(), "");
    }
}
