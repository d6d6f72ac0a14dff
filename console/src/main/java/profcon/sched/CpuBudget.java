package profcon.sched;

/**
 * The CPUs a process may use: its cpuset ({@code Cpus_allowed_list}) and their count, its cgroup's
 * quota in CPUs (NaN when none), the JVM's {@code availableProcessors} (0 when unknown), and its
 * cgroup as {@code /proc} names it (empty when none).
 */
public record CpuBudget(String cpuset, int cpusetCount, double quotaCpus, int availableProcessors, String cgroup) {
    /** The CPUs it can really run on at once: the cpuset, or the quota when lower. */
    public double effective() {
        return Double.isNaN(quotaCpus) ? cpusetCount : Math.min(cpusetCount, quotaCpus);
    }

    public boolean hasQuota() {
        return !Double.isNaN(quotaCpus);
    }
}
