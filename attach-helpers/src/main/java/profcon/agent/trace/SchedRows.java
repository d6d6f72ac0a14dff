package profcon.agent.trace;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads the console's sched readings as the {@code trace} request carries them into the events committed. */
final class SchedRows {
    private SchedRows() {
    }

    /**
     * The event of one row {@code tid:cpu_ns:runqueue_ns:voluntary:involuntary:name} over an interval that
     * ended when the console read it ({@code readAtMillis}, since the epoch), the name URL-encoded; IllegalArgumentException when malformed.
     */
    static SchedSnapshot snapshot(long intervalNanos, long readAtMillis, String row) {
        String[] f = row.split(":");
        if (f.length != 6) {
            throw new IllegalArgumentException("a sched row is tid:cpu_ns:runqueue_ns:voluntary:involuntary:name, got '"
                    + row + "'");
        }
        SchedSnapshot e = new SchedSnapshot();
        e.osThreadId = number(f[0], row);
        e.intervalNanos = intervalNanos;
        e.readAt = readAtMillis;
        e.cpuNanos = number(f[1], row);
        e.runQueueNanos = number(f[2], row);
        e.voluntarySwitches = number(f[3], row);
        e.involuntarySwitches = number(f[4], row);
        e.threadName = URLDecoder.decode(f[5], StandardCharsets.UTF_8);
        return e;
    }

    /** The window's event from {@code available, note, interval_ns, cpus, cpu_count, quota, throttled_periods, throttled_ns}. */
    static SchedLimits limits(Map<String, String> fields) {
        SchedLimits e = new SchedLimits();
        e.available = Boolean.parseBoolean(fields.getOrDefault("available", "false"));
        e.note = URLDecoder.decode(fields.getOrDefault("note", ""), StandardCharsets.UTF_8);
        e.intervalNanos = number(fields.getOrDefault("interval_ns", "0"), "interval_ns");
        e.cpusAllowed = fields.getOrDefault("cpus", "");
        e.cpuCount = (int) number(fields.getOrDefault("cpu_count", "0"), "cpu_count");
        e.quotaCpus = Double.parseDouble(fields.getOrDefault("quota", "NaN"));
        e.throttledPeriods = number(fields.getOrDefault("throttled_periods", "0"), "throttled_periods");
        e.throttledNanos = number(fields.getOrDefault("throttled_ns", "0"), "throttled_ns");
        return e;
    }

    private static long number(String text, String where) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number in sched data '" + where + "': '" + text + "'");
        }
    }
}
