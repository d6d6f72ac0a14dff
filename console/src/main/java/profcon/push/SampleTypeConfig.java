package profcon.push;

import java.util.Locale;
import java.util.StringJoiner;
import profcon.model.Profile;
import profcon.model.ValueType;

/**
 * Pyroscope's {@code sample_type_config} for a profile: for each sample type its units, its
 * aggregation, its display name (the suffix of the application name) and whether the period
 * scales it. Only the values Pyroscope documents are used: {@code units} is {@code bytes},
 * {@code objects} or {@code samples}, so time types (nanoseconds) go as {@code samples}; the
 * pprof body still names their unit.
 */
final class SampleTypeConfig {
    private SampleTypeConfig() {
    }

    static String json(String kind, Profile profile) {
        StringJoiner types = new StringJoiner(",", "{", "}");
        for (ValueType t : profile.sampleTypes()) {
            types.add(String.format(Locale.ROOT, "\"%s\":{\"units\":\"%s\",\"aggregation\":\"sum\","
                    + "\"display-name\":\"%s\",\"sampled\":%s}", t.type(), units(t), t.type(), sampled(kind)));
        }
        return types.toString();
    }

    static String units(ValueType t) {
        if (t.unit().equals("bytes")) {
            return "bytes";
        }
        return t.type().endsWith("objects") ? "objects" : "samples";
    }

    /** lock and block count every event (threshold 0); the others sample at a period. */
    static boolean sampled(String kind) {
        return !kind.equals("lock") && !kind.equals("block");
    }
}
