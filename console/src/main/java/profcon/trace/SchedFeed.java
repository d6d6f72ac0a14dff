package profcon.trace;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import profcon.sched.CpuBudget;
import profcon.sched.SchedProbe;
import profcon.sched.SchedReading;
import profcon.sched.TaskStat;
import profcon.sched.ThreadIdentity;
import profcon.sched.Throttling;

/**
 * A trace's sched part on the console's side: {@code /proc} read once per interval with
 * {@code sched}'s probe, each interval's per-thread deltas as the rows the agent commits as
 * {@code profcon.SchedSnapshot} events, and the window's CPU limits at the end.
 */
final class SchedFeed {
    private static final int MAX_NAME = 200;
    private final SchedProbe probe;
    private final Map<Long, ThreadIdentity> names;
    private final SchedReading first;
    private SchedReading last;

    SchedFeed(SchedProbe probe, Map<Long, ThreadIdentity> names) throws IOException {
        this.probe = probe;
        this.names = names;
        this.first = probe.read();
        this.last = first;
    }

    /** Reads /proc now; the rows of every thread that ran, waited or switched since the last reading. */
    Rows next() throws IOException {
        long readAt = System.currentTimeMillis();
        SchedReading now = probe.read();
        List<String> rows = new ArrayList<>();
        for (TaskStat t : now.tasks().values()) {
            TaskStat before = last.tasks().get(t.tid());
            TaskStat d = before == null ? t : t.minus(before);
            if (d.cpuNanos() > 0 || d.waitNanos() > 0 || d.voluntary() > 0 || d.involuntary() > 0) {
                rows.add(row(d));
            }
        }
        Rows out = new Rows(now.nanoTime() - last.nanoTime(), readAt, rows);
        last = now;
        return out;
    }

    private String row(TaskStat d) {
        ThreadIdentity id = names.get(d.tid());
        String name = id == null ? d.comm() : id.name();
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        return d.tid() + ":" + d.cpuNanos() + ":" + d.waitNanos() + ":" + d.voluntary() + ":" + d.involuntary() + ":"
                + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** The window's CPU limits and throttling, as the agent's {@code profcon.SchedWindow} event takes them. */
    Map<String, String> limits(int processors, long intervalNanos) throws IOException {
        CpuBudget budget = probe.budget(processors);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("available", "true");
        f.put("interval_ns", Long.toString(intervalNanos));
        f.put("cpus", budget.cpuset().isEmpty() ? "-" : budget.cpuset());
        f.put("cpu_count", Integer.toString(budget.cpusetCount()));
        f.put("quota", String.format(Locale.ROOT, "%s", budget.quotaCpus()));
        Throttling t = last.throttling() == null || first.throttling() == null ? null
                : last.throttling().minus(first.throttling());
        f.put("throttled_periods", Long.toString(t == null ? 0 : t.throttledPeriods()));
        f.put("throttled_ns", Long.toString(t == null ? 0 : t.throttledNanos()));
        return f;
    }

    /** The limits event of a trace whose sched part could not be read, saying why. */
    static Map<String, String> unavailable(String why) {
        return Map.of("available", "false", "note", URLEncoder.encode(why, StandardCharsets.UTF_8));
    }

    /** One interval's rows, read at {@code readAtMillis} since the epoch, in chunks small enough for one request line each. */
    record Rows(long intervalNanos, long readAtMillis, List<String> rows) {
        private static final int CHUNK_BYTES = 48 << 10; // the agent reads request lines of up to 64 KB

        List<List<String>> chunks() {
            List<List<String>> chunks = new ArrayList<>();
            int from = 0;
            int bytes = 0;
            for (int i = 0; i < rows.size(); i++) {
                bytes += rows.get(i).length() + 1;
                if (bytes > CHUNK_BYTES) {
                    chunks.add(rows.subList(from, i));
                    from = i;
                    bytes = rows.get(i).length() + 1;
                }
            }
            if (from < rows.size()) {
                chunks.add(rows.subList(from, rows.size()));
            }
            return chunks;
        }
    }
}
