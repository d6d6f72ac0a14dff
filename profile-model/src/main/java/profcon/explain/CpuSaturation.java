package profcon.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CPU saturation: a pool's threads waited on a run queue longer than they ran (sched's "CPU-starved"),
 * so latency grows with no lock and no hot spot to blame; the culprit is the pool's busiest site.
 */
final class CpuSaturation implements Rule {
    static final String ID = "cpu-saturation";
    /**
     * The pool's own demand (threads running or waiting to run, on average) must exceed the target's CPUs by a
     * quarter: a pool that wants no more CPUs than it has but still waits is kept waiting by the machine's other
     * load (two spinning threads on two shared cores), which is no bug of the target's and would outrank its
     * real shape. A quarter keeps a pool of exactly as many busy threads as CPUs out, with room for rounding.
     */
    static final double OVERSUBSCRIBED = 1.25;
    /** As many starved pools as sched itself names: past three the machine, not a pool, is the story. */
    private static final int MAX_FINDINGS = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "CPU saturation / run-queue wait (tail latency, scheduler latency)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.SCHED);
    }

    @Override
    public Verdict judge(Evidence e) {
        SchedSummary s = e.sched();
        List<Finding> found = new ArrayList<>();
        for (SchedSummary.Group g : s.groups()) {
            if (g.starved() && oversubscribed(e, g) && found.size() < MAX_FINDINGS) {
                found.add(finding(e, g));
            }
        }
        if (!found.isEmpty()) {
            return new Verdict(found, "");
        }
        return s.groups().stream().filter(SchedSummary.Group::starved).findFirst()
                .map(g -> Verdict.healthy(byTheMachine(e, g))).orElseGet(() -> Verdict.healthy(healthy(e, s)));
    }

    /** The threads the pool kept running or waiting to run, on average: its demand for CPUs. */
    private static double demand(Evidence e, SchedSummary.Group g) {
        return (g.cpuNanos() + g.waitNanos()) / 1e9 / e.sched().seconds();
    }

    private static boolean oversubscribed(Evidence e, SchedSummary.Group g) {
        return demand(e, g) > OVERSUBSCRIBED * e.sched().cpus();
    }

    private static String byTheMachine(Evidence e, SchedSummary.Group g) {
        return String.format(Locale.ROOT, "run queue: pool %s waited %.2f s/s for %.2f s/s of CPU, but wants only "
                + "%.2f of the %s: the machine's other load kept it waiting (a finding when the pool wants more than "
                + "%.2f times the CPUs)", g.name(), g.waitNanos() / 1e9 / e.sched().seconds(), g.cpuNanos() / 1e9 / e.sched().seconds(),
                demand(e, g), cpus(e.sched()), OVERSUBSCRIBED);
    }

    private Finding finding(Evidence e, SchedSummary.Group g) {
        String ratio = g.cpuNanos() == 0 ? "waited " + Sites.seconds(g.waitNanos()) + " and got no CPU"
                : String.format(Locale.ROOT, "waited %.1f s per second of CPU they got", (double) g.waitNanos()
                / g.cpuNanos());
        // the score is threads' worth of waiting, as a lock's: run-queue wait per second of wall time
        double score = g.waitNanos() / 1e9 / e.sched().seconds();
        String evidence = String.format(Locale.ROOT, "CPU-starved: pool %s, %d thread%s %s, on %s (%.2f threads "
                + "waiting for a CPU on average)", g.name(), g.threads(), g.threads() == 1 ? "" : "s", ratio,
                cpus(e.sched()), score);
        Sites.Site hot = hottest(e, g.name());
        return new Finding(ID, name(), evidence, hot == null ? "pool " + g.name() : hot.function(),
                hot == null ? "" : hot.location(), Confidence.HIGH, "sched 10s", "sched", score, "");
    }

    /** The pool's busiest site in the cpu part: its samples carry the pool's name as sched groups it. */
    static Sites.Site hottest(Evidence e, String pool) {
        if (e.cpu() == null) {
            return null;
        }
        List<Sites.Site> sites = Sites.byCulprit(e.cpu(), x -> pool.equals(x.label("pool")));
        return sites.isEmpty() ? null : sites.get(0);
    }

    private static String healthy(Evidence e, SchedSummary s) {
        SchedSummary.Group top = s.groups().isEmpty() ? null : s.groups().get(0);
        if (top == null || top.waitNanos() == 0) {
            return "run queue: no thread waited for a CPU, on " + cpus(s);
        }
        return String.format(Locale.ROOT, "run queue: the most waiting pool, %s, waited %.2f s/s for %.2f s/s of CPU, "
                + "on %s (a finding when a pool waits longer than it runs)", top.name(), top.waitNanos() / 1e9
                / e.sched().seconds(), top.cpuNanos() / 1e9 / e.sched().seconds(), cpus(s));
    }

    private static String cpus(SchedSummary s) {
        return cpus(s.cpus());
    }

    /** "1 CPU", "0.50 CPUs". */
    static String cpus(double c) {
        String n = c == Math.rint(c) ? String.format(Locale.ROOT, "%.0f", c) : String.format(Locale.ROOT, "%.2f", c);
        return n + (c == 1 ? " CPU" : " CPUs");
    }
}
