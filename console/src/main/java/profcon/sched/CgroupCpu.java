package profcon.sched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU controller of a process's cgroup, v1 ({@code cpu.cfs_quota_us}, {@code cpu.cfs_period_us})
 * or v2 ({@code cpu.max}): the quota in CPUs, the lowest along the path to the root, since a parent's
 * quota binds its children; and the throttling counters ({@code cpu.stat}) of the process's own group.
 */
public final class CgroupCpu {
    private final Path dir;
    private final Path mount;
    private final boolean v2;
    private final String path;

    private CgroupCpu(Path dir, Path mount, boolean v2, String path) {
        this.dir = dir;
        this.mount = mount;
        this.v2 = v2;
        this.path = path;
    }

    /** The process's CPU cgroup from {@code PROC/PID/cgroup}, mounted under {@code cgroupRoot}; empty when unreadable. */
    public static Optional<CgroupCpu> of(Path proc, Path cgroupRoot, long pid) throws IOException {
        Path file = proc.resolve(Long.toString(pid)).resolve("cgroup");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        String unified = null;
        for (String line : ProcTasks.text(file).split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[1].isEmpty()) {
                unified = f[2];
            } else if (java.util.List.of(f[1].split(",")).contains("cpu")) {
                for (String name : new String[] {f[1], "cpu", "cpu,cpuacct"}) {
                    Path mount = cgroupRoot.resolve(name);
                    if (Files.isDirectory(mount)) {
                        return Optional.of(new CgroupCpu(under(mount, f[2]), mount, false, f[2]));
                    }
                }
            }
        }
        if (unified != null && Files.exists(cgroupRoot.resolve("cgroup.controllers"))) {
            return Optional.of(new CgroupCpu(under(cgroupRoot, unified), cgroupRoot, true, unified));
        }
        return Optional.empty();
    }

    private static Path under(Path mount, String path) {
        return mount.resolve(path.replaceFirst("^/+", ""));
    }

    /** The cgroup's path, as {@code /proc/PID/cgroup} names it, and its version. */
    public String describe() {
        return (v2 ? "v2 " : "v1 ") + path;
    }

    /** The quota in CPUs (0.5 is half a CPU), the lowest on the way to the root; NaN when none. */
    public double quotaCpus() throws IOException {
        double lowest = Double.NaN;
        for (Path d = dir; d != null && d.startsWith(mount); d = d.getParent()) {
            double q = v2 ? quotaV2(d) : quotaV1(d);
            if (!Double.isNaN(q) && (Double.isNaN(lowest) || q < lowest)) {
                lowest = q;
            }
        }
        return lowest;
    }

    private static double quotaV1(Path d) throws IOException {
        Path quota = d.resolve("cpu.cfs_quota_us");
        if (!Files.isReadable(quota)) {
            return Double.NaN;
        }
        long q = Long.parseLong(ProcTasks.text(quota).strip());
        long period = Long.parseLong(ProcTasks.text(d.resolve("cpu.cfs_period_us")).strip());
        return q <= 0 || period <= 0 ? Double.NaN : (double) q / period;
    }

    private static double quotaV2(Path d) throws IOException {
        Path max = d.resolve("cpu.max");
        if (!Files.isReadable(max)) {
            return Double.NaN;
        }
        String[] f = ProcTasks.text(max).strip().split("\\s+");
        return f[0].equals("max") || f.length < 2 ? Double.NaN : Double.parseDouble(f[0]) / Double.parseDouble(f[1]);
    }

    /** The throttling counters of the process's own group; zeros when it has no {@code cpu.stat}. */
    public Throttling throttling() throws IOException {
        Path stat = dir.resolve("cpu.stat");
        return Files.isReadable(stat) ? Throttling.parse(ProcTasks.text(stat)) : new Throttling(0, 0, 0);
    }
}
