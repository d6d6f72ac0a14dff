package profcon.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;

/** Builds the small profiles and snapshots the rule tests judge: frames "pkg.Class.method:line", leaf first. */
final class TestProfiles {
    static final long SECOND = 1_000_000_000L;
    private final String kind;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Function> functions = new HashMap<>();
    private final List<String> comments = new ArrayList<>();
    private long ids;

    private TestProfiles(String kind) {
        this.kind = kind;
    }

    static TestProfiles of(String kind) {
        return new TestProfiles(kind);
    }

    /** A sample of {@code count} events worth {@code nanos}, with labels "k=v" and frames. */
    TestProfiles add(long count, long nanos, List<String> labels, String... frames) {
        List<Location> stack = new ArrayList<>();
        for (String f : frames) {
            int colon = f.lastIndexOf(':');
            String name = colon < 0 ? f : f.substring(0, colon);
            long line = colon < 0 ? 0 : Long.parseLong(f.substring(colon + 1));
            Function fn = functions.computeIfAbsent(name, n -> new Function(++ids, n, n, file(n), 0));
            stack.add(new Location(++ids, null, 0, List.of(new Line(fn, line, 0)), false));
        }
        Map<String, List<String>> l = new HashMap<>();
        for (String kv : labels) {
            int eq = kv.indexOf('=');
            // a key given twice has two values, as the composite's "profile" of a sampled virtual-thread wait
            l.merge(kv.substring(0, eq), List.of(kv.substring(eq + 1)), (a, b) -> List.of(a.get(0), b.get(0)));
        }
        samples.add(new Sample(stack, new long[] {count, nanos}, l, Map.of(), Map.of()));
        return this;
    }

    /** A comment of the profile, as the agent writes them (the virtual-wait sampler's). */
    TestProfiles comment(String text) {
        comments.add(text);
        return this;
    }

    private static String file(String function) {
        String cls = function.substring(0, function.lastIndexOf('.'));
        String outer = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
        return outer.replace('.', '/') + ".java";
    }

    Profile build(long windowNanos) {
        List<ValueType> types = kind.equals("cpu")
                ? List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds"))
                : List.of(new ValueType("contentions", "count"), new ValueType("delay", "nanoseconds"));
        return new Profile(types, types.get(1).type(), samples, List.of(), List.of(), List.copyOf(functions.values()),
                "", "", 0, windowNanos, types.get(1), 10_000_000L, List.copyOf(comments), "");
    }

    static Profile empty(String kind) {
        return of(kind).build(5 * SECOND);
    }

    /** Evidence over a 5 s window with the given parts (nulls for absent ones). */
    static Evidence evidence(Profile cpu, Profile lock, Profile block, Profile pauses, ThreadSnapshot first,
                             ThreadSnapshot last) {
        return new Evidence("test", 5 * SECOND, "0s", cpu, lock, block, pauses, first, last);
    }

    /** A snapshot of {@code count} threads in one group parked at {@code top} under {@code culprit}. */
    static ThreadSnapshot snapshot(long timeMillis, int count, String state, String top, String culprit) {
        ThreadSnapshot.Group g = new ThreadSnapshot.Group(top + "|" + culprit, culprit, "X.java:1", top, count,
                Map.of(state, count), "");
        return new ThreadSnapshot(timeMillis, count + 5, List.of(g), List.of());
    }
}
