package profcon.sched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reader of one process's scheduling from {@code /proc} and its cgroup, made once per window
 * and then read as often as wanted ({@link #read}); {@link #budget} says which CPUs the process
 * may use at all.
 */
public final class SchedProbe {
    private final Path proc;
    private final ProcTasks tasks;
    private final Optional<CgroupCpu> cgroup;

    private SchedProbe(Path proc, ProcTasks tasks, Optional<CgroupCpu> cgroup) {
        this.proc = proc;
        this.tasks = tasks;
        this.cgroup = cgroup;
    }

    /** The probe of {@code pid} on this machine; SchedUnavailableException with one line when /proc cannot serve it. */
    public static SchedProbe of(long pid) throws IOException {
        return of(Path.of("/proc"), Path.of("/sys/fs/cgroup"), pid);
    }

    /** The probe of {@code pid} under these roots (a recorded copy, in tests). */
    public static SchedProbe of(Path proc, Path cgroupRoot, long pid) throws IOException {
        if (!System.getProperty("os.name", "").startsWith("Linux") && proc.equals(Path.of("/proc"))) {
            throw new SchedUnavailableException("sched reads Linux's /proc; this is " + System.getProperty("os.name"));
        }
        Path schedstat = proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(pid))
                .resolve("schedstat");
        if (!Files.isReadable(schedstat)) {
            throw new SchedUnavailableException("sched cannot read " + schedstat
                    + " (no schedstats in this kernel, or the target belongs to another user)");
        }
        return new SchedProbe(proc, new ProcTasks(proc, pid), CgroupCpu.of(proc, cgroupRoot, pid));
    }

    /** Every thread, the machine and the throttling now. */
    public SchedReading read() throws IOException {
        long now = System.nanoTime();
        return new SchedReading(now, tasks.read(), MachineTimes.read(proc),
                cgroup.isPresent() ? cgroup.get().throttling() : null);
    }

    /** The CPUs the process may use: its cpuset, its cgroup's quota; {@code processors} is the JVM's own count. */
    public CpuBudget budget(int processors) throws IOException {
        String cpuset = tasks.status().text("Cpus_allowed_list");
        double quota = cgroup.isPresent() ? cgroup.get().quotaCpus() : Double.NaN;
        return new CpuBudget(cpuset, CpuList.count(cpuset), quota, processors,
                cgroup.map(CgroupCpu::describe).orElse(""));
    }
}
