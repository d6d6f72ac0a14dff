package profcon.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A cgroup v1 CPU group with a quota, for tests run as root on a cgroup v1 machine: created empty, a
 * target's threads moved into it, and removed on close once they have left it (moved out, or ended).
 */
public final class CpuQuotaGroup implements AutoCloseable {
    public static final Path CPU_CGROUPS = Path.of("/sys/fs/cgroup/cpu");
    private static final long PERIOD_MICROS = 100_000;
    private final Path dir;

    private CpuQuotaGroup(Path dir) {
        this.dir = dir;
    }

    /** Whether this machine lets the test make one: a writable cgroup v1 CPU controller. */
    public static boolean available() {
        return Files.isWritable(CPU_CGROUPS) && Files.exists(CPU_CGROUPS.resolve("cpu.cfs_quota_us"));
    }

    /** A new group {@code name-<this pid>} allowed {@code cpus} CPUs per 100 ms period. */
    public static CpuQuotaGroup create(String name, double cpus) throws IOException {
        Path dir = CPU_CGROUPS.resolve(name + "-" + ProcessHandle.current().pid());
        Files.createDirectory(dir);
        CpuQuotaGroup g = new CpuQuotaGroup(dir);
        try {
            Files.writeString(dir.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            Files.writeString(dir.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(cpus * PERIOD_MICROS)));
            // a large weight, so the quota and not the rest of a busy machine is what limits the target
            Files.writeString(dir.resolve("cpu.shares"), "262144");
            return g;
        } catch (IOException | RuntimeException e) {
            Files.delete(dir);
            throw e;
        }
    }

    /** Moves every thread of {@code pid} into the group. */
    public void moveIn(long pid) throws IOException {
        moveAll(pid, dir.resolve("tasks"));
    }

    /** Moves every thread of {@code pid} back to the root group, so the group can go whatever happens next. */
    public void moveOut(long pid) throws IOException {
        moveAll(pid, CPU_CGROUPS.resolve("tasks"));
    }

    private static void moveAll(long pid, Path tasks) throws IOException {
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : threads.toList()) {
                Files.writeString(tasks, task.getFileName().toString());
            }
        }
    }

    /** Removes the group once its threads have left it; fails when they have not within a minute. */
    @Override
    public void close() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(dir.resolve("tasks")).isBlank() && System.nanoTime() < deadline) {
            Thread.sleep(100); // poll for the ended target's threads to leave
        }
        Files.delete(dir);
        if (Files.exists(dir)) {
            throw new IOException("the test cgroup " + dir + " is still there");
        }
    }
}
