package profcon.flame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;

/** Small profiles for flame graph tests: stacks written root first as "a.B.c;a.B.d", one location per frame. */
final class ProfileBuilder {
    private final List<ValueType> types;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private ProfileBuilder(List<ValueType> types) {
        this.types = types;
    }

    /** A profile with the sample types given as "samples/count", "cpu/nanoseconds"... */
    static ProfileBuilder of(String... types) {
        List<ValueType> t = new ArrayList<>();
        for (String type : types) {
            String[] parts = type.split("/");
            t.add(new ValueType(parts[0], parts[1]));
        }
        return new ProfileBuilder(t);
    }

    /**
     * Adds a sample. Frames are separated by ';' from the root; a frame "a.B.c+a.B.d" is one
     * location whose inlined chain runs from caller a.B.c into callee a.B.d.
     */
    ProfileBuilder sample(String rootFirst, long... values) {
        List<Location> stack = new ArrayList<>();
        for (String frame : rootFirst.split(";")) {
            stack.add(0, location(frame));
        }
        samples.add(new Sample(stack, values));
        return this;
    }

    private Location location(String frame) {
        return locations.computeIfAbsent(frame, f -> {
            List<Line> lines = new ArrayList<>();
            for (String name : f.split("\\+")) {
                lines.add(0, new Line(function(name), 1, 0));
            }
            return new Location(locations.size() + 1, null, 0, lines, false);
        });
    }

    private Function function(String name) {
        return functions.computeIfAbsent(name, n -> new Function(functions.size() + 1, n, n, "", 0));
    }

    Profile build() {
        return new Profile(types, types.get(types.size() - 1).type(), samples, List.of(),
                List.copyOf(locations.values()), List.copyOf(functions.values()), "", "", 0, 0,
                types.get(types.size() - 1), 1, List.of(), "");
    }
}
