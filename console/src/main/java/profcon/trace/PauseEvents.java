package profcon.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * A trace file's stops of the world while it is read: safepoints (begin, end, the VM operations run
 * in them) joined with the garbage collections they served, so a pause says {@code gc} and the
 * collector's cause, or {@code safepoint} and the operation. Without safepoint events (a file not
 * made by {@code trace}) each collection's summed pauses stand in.
 */
final class PauseEvents {
    private record Gc(long start, long end, long pauses, String cause) {
    }

    private final Map<Long, long[]> safepoints = new HashMap<>(); // id -> {begin, end}
    private final Map<Long, String> operations = new HashMap<>();
    private final List<Gc> gcs = new ArrayList<>();

    /** True when the event was a pause's part and has been taken. */
    boolean accept(RecordedEvent e) {
        switch (e.getEventType().getName()) {
            case "jdk.SafepointBegin" -> safepoints.computeIfAbsent(e.getLong("safepointId"), id -> new long[] {-1, -1})[0]
                    = TraceReader.nanos(e.getStartTime());
            case "jdk.SafepointEnd" -> safepoints.computeIfAbsent(e.getLong("safepointId"), id -> new long[] {-1, -1})[1]
                    = TraceReader.nanos(e.getEndTime());
            case "jdk.ExecuteVMOperation" -> {
                if (e.getBoolean("safepoint")) {
                    operations.merge(e.getLong("safepointId"), e.getString("operation"), (a, b) -> a + "+" + b);
                }
            }
            case "jdk.GarbageCollection" -> gcs.add(new Gc(TraceReader.nanos(e.getStartTime()),
                    TraceReader.nanos(e.getEndTime()), e.getDuration("sumOfPauses").toNanos(),
                    e.getString("name") + ": " + e.getString("cause")));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The pauses relative to {@code origin}, inside {@code [0, length]}, in time order. */
    List<TracePause> pauses(long origin, long length) {
        List<TracePause> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> s : safepoints.entrySet()) {
            long[] t = s.getValue();
            if (t[0] >= 0 && t[1] >= t[0]) {
                Gc gc = during(t[0], t[1]);
                add(out, t[0], t[1], gc == null ? "safepoint" : "gc",
                        gc == null ? operations.getOrDefault(s.getKey(), "?") : gc.cause(), origin, length);
            }
        }
        if (safepoints.isEmpty()) {
            gcs.forEach(g -> add(out, g.start(), g.start() + g.pauses(), "gc", g.cause(), origin, length));
        }
        out.sort(Comparator.comparingLong(TracePause::startNanos));
        return out;
    }

    private Gc during(long begin, long end) {
        for (Gc g : gcs) {
            if (g.start() <= end && g.end() >= begin) {
                return g;
            }
        }
        return null;
    }

    private static void add(List<TracePause> out, long start, long end, String kind, String cause, long origin,
                            long length) {
        long s = start - origin;
        long e = end - origin;
        if (e >= 0 && s <= length) {
            out.add(new TracePause(Math.max(0, s), Math.min(length, e), kind, cause));
        }
    }
}
