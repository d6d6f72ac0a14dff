package profcon.agent.encoding;

import java.util.List;
import java.util.Map;

/** Writes a {@link StackProfile} as pprof protobuf (field numbers of profile.proto). */
final class PprofEncoder {
    private final StackProfile profile;
    private final ProtoBuffer out = new ProtoBuffer();
    private final ProtoBuffer inner = new ProtoBuffer();
    private final ProtoBuffer innermost = new ProtoBuffer();

    PprofEncoder(StackProfile profile) {
        this.profile = profile;
    }

    byte[] encode(long timeNanos, long durationNanos, List<String> comments) {
        for (String[] type : profile.sampleTypes()) {
            valueType(1, type);
        }
        samples();
        mapping();
        locations();
        functions();
        // Strings referenced below must be interned before the table is written.
        int[] commentIds = comments.stream().mapToInt(profile::string).toArray();
        int defaultType = profile.string(profile.defaultSampleType());
        valueTypeIds(profile.periodType());
        for (String s : profile.strings()) {
            out.string(6, s);
        }
        out.int64(9, timeNanos);
        out.int64(10, durationNanos);
        valueType(11, profile.periodType());
        out.int64(12, profile.period());
        for (int id : commentIds) {
            out.int64(13, id);
        }
        out.int64(14, defaultType);
        return out.toByteArray();
    }

    private void valueTypeIds(String[] type) {
        profile.string(type[0]);
        profile.string(type[1]);
    }

    private void valueType(int field, String[] type) {
        inner.clear();
        inner.int64(1, profile.string(type[0]));
        inner.int64(2, profile.string(type[1]));
        out.message(field, inner);
    }

    private void samples() {
        long[] ids = new long[64];
        for (Map.Entry<StackProfile.Key, long[]> e : profile.samples().entrySet()) {
            int[] locations = e.getKey().locations();
            if (ids.length < locations.length) {
                ids = new long[locations.length];
            }
            for (int i = 0; i < locations.length; i++) {
                ids[i] = locations[i];
            }
            inner.clear();
            inner.packed(1, ids, locations.length);
            inner.packed(2, e.getValue(), e.getValue().length);
            int[] labels = e.getKey().labels();
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (labels[i + 1] == 0) {
                    continue; // an empty label value says "unknown": leave the label out
                }
                innermost.clear();
                innermost.int64(1, labels[i]);
                innermost.int64(2, labels[i + 1]);
                inner.message(3, innermost);
            }
            out.message(2, inner);
        }
    }

    /** One pseudo-mapping, marked symbolized, so pprof never tries to symbolize Java frames. */
    private void mapping() {
        inner.clear();
        inner.int64(1, 1);
        inner.int64(5, profile.string("[jvm]"));
        inner.bool(7, true);
        inner.bool(8, true);
        inner.bool(9, true);
        out.message(3, inner);
    }

    private void locations() {
        List<long[]> locations = profile.locationList();
        for (int i = 0; i < locations.size(); i++) {
            inner.clear();
            inner.int64(1, i + 1);
            inner.int64(2, 1);
            innermost.clear();
            innermost.int64(1, locations.get(i)[0]);
            innermost.int64(2, locations.get(i)[1]);
            inner.message(4, innermost);
            out.message(4, inner);
        }
    }

    private void functions() {
        List<int[]> functions = profile.functionList();
        for (int i = 0; i < functions.size(); i++) {
            inner.clear();
            inner.int64(1, i + 1);
            inner.int64(2, functions.get(i)[0]);
            inner.int64(3, functions.get(i)[0]);
            inner.int64(4, functions.get(i)[1]);
            out.message(5, inner);
        }
    }
}
