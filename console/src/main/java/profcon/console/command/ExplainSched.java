package profcon.console.command;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.explain.SchedSummary;
import profcon.sched.CpuBudget;
import profcon.sched.SchedGroup;
import profcon.sched.SchedProbe;
import profcon.sched.SchedReading;
import profcon.sched.SchedResult;
import profcon.sched.SchedVerdict;
import profcon.sched.SchedWindow;
import profcon.sched.ThreadIdentity;
import profcon.sched.Throttling;

/**
 * explain's run-queue part: {@code sched}'s reading of {@code /proc} at the window's start and end (no
 * cost to the target), summed per pool as the cpu-saturation rule reads it, with the cgroup's throttling
 * as the cpu-throttled rule reads it, or why it could not be read.
 */
final class ExplainSched {
    private final SchedProbe probe;
    private final SchedReading start;
    private final String unavailable;

    private ExplainSched(SchedProbe probe, SchedReading start, String unavailable) {
        this.probe = probe;
        this.start = start;
        this.unavailable = unavailable;
    }

    /** The first reading; when /proc cannot serve it (not Linux, another user) the window goes on without. */
    static ExplainSched start(long pid) {
        try {
            SchedProbe probe = SchedProbe.of(pid);
            return new ExplainSched(probe, probe.read(), "");
        } catch (IOException e) {
            return new ExplainSched(null, null, e.getMessage());
        }
    }

    /** The second reading and the summary; the thread ids name the pools as sched's own report does. */
    SchedSummary finish(AgentChannel channel, int processors) throws IOException {
        if (probe == null) {
            return SchedSummary.unavailable(unavailable);
        }
        SchedReading end;
        CpuBudget budget;
        try {
            end = probe.read();
            budget = probe.budget(processors);
        } catch (IOException e) {
            return SchedSummary.unavailable("the second /proc reading failed: " + e.getMessage());
        }
        Map<Long, ThreadIdentity> ids = ThreadIdentity.parse(channel.call(new Request.ThreadIds()).bytes());
        SchedResult r = SchedWindow.between(start, end, ids, budget);
        List<SchedGroup> starved = SchedVerdict.starved(r);
        List<SchedSummary.Group> groups = r.groups(false).stream().filter(g -> !g.kind().equals("agent"))
                .map(g -> new SchedSummary.Group(g.name(), g.kind(), g.threads().size(), g.cpuNanos(), g.waitNanos(),
                        starved.contains(g)))
                .toList();
        return new SchedSummary(r.windowNanos(), r.budget().effective(), groups, "", throttle(r));
    }

    /** The quota and its throttling in the window, as sched's header and CPU-throttled verdict read them. */
    private static SchedSummary.Throttle throttle(SchedResult r) {
        Throttling t = r.throttling();
        CpuBudget b = r.budget();
        return t == null || !b.hasQuota() ? null : new SchedSummary.Throttle(b.quotaCpus(), t.periods(),
                t.throttledPeriods(), t.throttledNanos(), b.availableProcessors());
    }
}
