package profcon.trace;

import java.util.List;
import java.util.Locale;
import jdk.jfr.consumer.RecordedEvent;

/** The lines a trace's {@code profcon.SchedWindow} event gives its notes: the CPUs allowed and throttling, or why sched is missing. */
final class SchedNotes {
    private SchedNotes() {
    }

    static List<String> of(RecordedEvent e) {
        if (!e.getBoolean("available")) {
            return List.of("run-queue waits (r) not recorded: " + e.getString("note"));
        }
        double quota = e.getDouble("quotaCpus");
        String cpus = String.format(Locale.ROOT, "CPUs allowed: %s (%d)%s; run-queue waits read every %d ms",
                e.getString("cpusAllowed"), e.getInt("cpuCount"),
                Double.isNaN(quota) ? "" : String.format(Locale.ROOT, ", cgroup quota %.2f CPUs", quota),
                e.getLong("intervalNanos") / 1_000_000);
        long throttled = e.getLong("throttledPeriods");
        if (throttled == 0) {
            return List.of(cpus);
        }
        return List.of(cpus, String.format(Locale.ROOT, "cgroup throttled %,d periods, %,d ms in all", throttled,
                e.getLong("throttledNanos") / 1_000_000));
    }
}
