package profcon.sched;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code sched} report: what the target may use and what the machine did at the top, the
 * verdict, then one row per group (by pool, or by thread): threads, CPU seconds per second,
 * run-queue wait seconds per second, mean wait per scheduling, involuntary switches per second.
 */
public final class SchedReport {
    private static final int MAX_NAME = 40;

    private SchedReport() {
    }

    public static void write(SchedResult r, boolean byThread, PrintWriter out) {
        header(r, out);
        SchedVerdict.of(r).forEach(out::println);
        out.println();
        List<SchedGroup> groups = r.groups(byThread);
        List<SchedGroup> active = groups.stream().filter(g -> !g.idle()).toList();
        int width = Math.max(byThread ? 6 : 4, active.stream().mapToInt(g -> name(g).length()).max().orElse(0));
        out.println(String.format(Locale.ROOT, "%-" + width + "s  %-5s  %7s  %8s  %8s  %10s  %8s",
                byThread ? "THREAD" : "POOL", "KIND", "THREADS", "CPU s/s", "WAIT s/s", "WAIT/SCHED", "INVOL/s"));
        for (SchedGroup g : active) {
            out.println(String.format(Locale.ROOT, "%-" + width + "s  %-5s  %7d  %8.3f  %8.3f  %10s  %8.1f", name(g),
                    g.kind(), g.threads().size(), g.cpuNanos() / 1e9 / r.seconds(), g.waitNanos() / 1e9 / r.seconds(),
                    SchedFormat.duration(g.meanWaitNanos()), g.involuntary() / r.seconds()));
        }
        int idleThreads = groups.stream().filter(SchedGroup::idle).mapToInt(g -> g.threads().size()).sum();
        if (idleThreads > 0) {
            out.println(String.format(Locale.ROOT, "(%d idle thread%s: no CPU and no wait in the window)", idleThreads,
                    idleThreads == 1 ? "" : "s"));
        }
        out.flush();
    }

    private static String name(SchedGroup g) {
        String n = g.name().isEmpty() ? "(unnamed)" : g.name();
        return n.length() > MAX_NAME ? n.substring(0, MAX_NAME - 3) + "..." : n;
    }

    private static void header(SchedResult r, PrintWriter out) {
        long started = r.threads().stream().filter(SchedThread::started).count();
        out.println(String.format(Locale.ROOT, "sched over %.1f s: %d threads (%d started, %d ended in the window)",
                r.seconds(), r.threads().size(), started, r.endedThreads()));
        CpuBudget b = r.budget();
        out.println(String.format(Locale.ROOT, "CPUs the target may use: %s (cpuset %s; cgroup quota %s; "
                + "availableProcessors %s)", SchedFormat.cpus(b.effective()), b.cpuset(),
                b.hasQuota() ? SchedFormat.cpus(b.quotaCpus()) : "none",
                b.availableProcessors() > 0 ? Integer.toString(b.availableProcessors()) : "?"));
        out.println(String.format(Locale.ROOT, "machine: %s, %.0f%% busy over the window; load average %.2f -> %.2f",
                SchedFormat.cpus(r.machineCpus()), r.machineBusy() * 100, r.load1Start(), r.load1End()));
        Throttling t = r.throttling();
        if (b.hasQuota() && t != null) {
            out.println(String.format(Locale.ROOT, "throttling: %,d of %,d periods throttled, %.2f s throttled",
                    t.throttledPeriods(), t.periods(), t.throttledNanos() / 1e9));
        }
    }
}
