package profcon.sched;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import profcon.report.JsonText;
import profcon.threads.MiniJson;

/**
 * A {@code sched} result as JSON ({@code sched --json}, {@code sched save FILE}) and back
 * ({@code sched load FILE}). The threads and the budget are the data; the groups and verdicts are
 * written too, for readers such as {@code jq}, and recomputed on reading.
 */
public final class SchedJson {
    private SchedJson() {
    }

    public static void write(SchedResult r, boolean byThread, PrintWriter out) {
        CpuBudget b = r.budget();
        out.println("{");
        out.println(String.format(Locale.ROOT, "  \"window_ns\": %d,", r.windowNanos()));
        out.println(String.format(Locale.ROOT, "  \"budget\": {\"cpuset\": %s, \"cpuset_count\": %d, \"quota_cpus\": %s, "
                + "\"available_processors\": %d, \"cgroup\": %s, \"effective_cpus\": %s},", JsonText.quote(b.cpuset()),
                b.cpusetCount(), b.hasQuota() ? number(b.quotaCpus()) : "null", b.availableProcessors(),
                JsonText.quote(b.cgroup()), number(b.effective())));
        out.println(String.format(Locale.ROOT, "  \"machine\": {\"cpus\": %d, \"busy\": %s, \"load1_start\": %s, "
                + "\"load1_end\": %s},", r.machineCpus(), number(r.machineBusy()), number(r.load1Start()),
                number(r.load1End())));
        Throttling t = r.throttling();
        out.println("  \"throttling\": " + (t == null ? "null" : String.format(Locale.ROOT, "{\"periods\": %d, "
                + "\"throttled_periods\": %d, \"throttled_ns\": %d}", t.periods(), t.throttledPeriods(),
                t.throttledNanos())) + ",");
        out.println("  \"ended_threads\": " + r.endedThreads() + ",");
        out.println("  \"verdicts\": [" + String.join(", ", SchedVerdict.of(r).stream().map(JsonText::quote).toList())
                + "],");
        out.println("  \"groups\": [");
        List<SchedGroup> groups = r.groups(byThread);
        for (int i = 0; i < groups.size(); i++) {
            SchedGroup g = groups.get(i);
            out.println(String.format(Locale.ROOT, "    {\"name\": %s, \"kind\": %s, \"threads\": %d, \"cpu_ns\": %d, "
                    + "\"wait_ns\": %d, \"slices\": %d, \"involuntary\": %d}%s", JsonText.quote(g.name()),
                    JsonText.quote(g.kind()), g.threads().size(), g.cpuNanos(), g.waitNanos(), g.slices(),
                    g.involuntary(), i + 1 < groups.size() ? "," : ""));
        }
        out.println("  ],");
        out.println("  \"threads\": [");
        for (int i = 0; i < r.threads().size(); i++) {
            SchedThread s = r.threads().get(i);
            out.println(String.format(Locale.ROOT, "    {\"tid\": %d, \"name\": %s, \"kind\": %s, \"pool\": %s, "
                    + "\"cpu_ns\": %d, \"wait_ns\": %d, \"slices\": %d, \"voluntary\": %d, \"involuntary\": %d, "
                    + "\"started\": %s}%s", s.tid(), JsonText.quote(s.name()), JsonText.quote(s.kind()),
                    JsonText.quote(s.pool()), s.cpuNanos(), s.waitNanos(), s.slices(), s.voluntary(), s.involuntary(),
                    s.started(), i + 1 < r.threads().size() ? "," : ""));
        }
        out.println("  ]");
        out.println("}");
        out.flush();
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.4f", d).replaceAll("\\.?0+$", "");
    }

    /** The result in {@code text}; IllegalArgumentException naming what is missing or malformed. */
    @SuppressWarnings("unchecked")
    public static SchedResult read(String text) {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(text);
        Map<String, Object> b = map(root, "budget");
        Map<String, Object> m = map(root, "machine");
        Map<String, Object> t = (Map<String, Object>) root.get("throttling");
        CpuBudget budget = new CpuBudget((String) b.get("cpuset"), (int) num(b, "cpuset_count"),
                b.get("quota_cpus") == null ? Double.NaN : num(b, "quota_cpus"), (int) num(b, "available_processors"),
                (String) b.get("cgroup"));
        Throttling throttling = t == null ? null : new Throttling((long) num(t, "periods"),
                (long) num(t, "throttled_periods"), (long) num(t, "throttled_ns"));
        List<SchedThread> threads = new ArrayList<>();
        for (Object o : (List<Object>) root.get("threads")) {
            threads.add(thread((Map<String, Object>) o));
        }
        return new SchedResult((long) num(root, "window_ns"), budget, num(m, "load1_start"), num(m, "load1_end"),
                (int) num(m, "cpus"), num(m, "busy"), throttling, threads, (int) num(root, "ended_threads"));
    }

    private static SchedThread thread(Map<String, Object> o) {
        return new SchedThread((long) num(o, "tid"), (String) o.get("name"), (String) o.get("kind"),
                (String) o.get("pool"), (long) num(o, "cpu_ns"), (long) num(o, "wait_ns"), (long) num(o, "slices"),
                (long) num(o, "voluntary"), (long) num(o, "involuntary"), Boolean.TRUE.equals(o.get("started")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not a sched result: no \"" + key + "\" object");
        }
        return (Map<String, Object>) v;
    }

    private static double num(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("not a sched result: \"" + key + "\" is not a number");
        }
        return Double.parseDouble(s);
    }
}
