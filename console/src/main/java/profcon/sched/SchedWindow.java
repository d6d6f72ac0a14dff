package profcon.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import profcon.agent.encoding.ThreadNames;

/** Turns two readings and the JVM's thread names into a {@link SchedResult}: the difference, per thread. */
public final class SchedWindow {
    private SchedWindow() {
    }

    public static SchedResult between(SchedReading start, SchedReading end, Map<Long, ThreadIdentity> names,
                                      CpuBudget budget) {
        List<SchedThread> threads = new ArrayList<>();
        for (TaskStat now : end.tasks().values()) {
            TaskStat before = start.tasks().get(now.tid());
            TaskStat d = before == null ? now : now.minus(before);
            threads.add(thread(d, names.get(now.tid()), before == null));
        }
        threads.sort(java.util.Comparator.comparingLong(SchedThread::tid));
        int ended = (int) start.tasks().keySet().stream().filter(tid -> !end.tasks().containsKey(tid)).count();
        Throttling throttling = end.throttling() == null || start.throttling() == null ? null
                : end.throttling().minus(start.throttling());
        return new SchedResult(end.nanoTime() - start.nanoTime(), budget, start.machine().load1(),
                end.machine().load1(), end.machine().cpus(), end.machine().busySince(start.machine()), throttling,
                threads, ended);
    }

    private static SchedThread thread(TaskStat d, ThreadIdentity id, boolean started) {
        String name = id == null ? d.comm() : id.name();
        String kind = id == null ? "jvm" : name.startsWith("profcon-") ? "agent" : id.kind();
        return new SchedThread(d.tid(), name, kind, ThreadNames.pool(name), d.cpuNanos(), d.waitNanos(), d.slices(),
                d.voluntary(), d.involuntary(), started);
    }
}
