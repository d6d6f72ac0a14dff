package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sched} against real targets: an oversubscribed pool pinned to one CPU is CPU-starved and
 * the verdict names it; a quiet target gets no verdict; a target in a cgroup v1 with a quota of
 * half a CPU shows its throttling (as root with a writable {@code /sys/fs/cgroup/cpu} only); the
 * result saves and loads as JSON, and the run-queue profile saves as pprof; the scheduler-latency
 * runbook (its expect lines are assertions) names the request pool.
 */
class SchedIT {
    private static final Pattern ROW = Pattern.compile("(?m)^worker\\s+java\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void anOversubscribedPoolPinnedToOneCpuIsCpuStarved(String jdk) throws Exception {
        try (TargetJvm t = TargetJvm.start(TargetJvm.jdk(jdk), "profcon.demo.TailLatency", "--threads=6",
                "--iterations=20000")) {
            t.pinTo("0");
            Path json = tmp.resolve("sched.json");
            Path pprof = tmp.resolve("runqueue.pb.gz");
            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-c", "sched 3s; top3; save " + pprof
                    + "; sched save " + json + "; sched load " + json + " by=thread");
            assertThat(run.exitCode()).as(run.err() + run.out()).isZero();

            assertThat(run.out()).containsPattern("CPU-starved: pool worker, 6 threads, waited [0-9.]+ s per second "
                    + "of CPU it got, on 1 CPU\n");
            Matcher row = ROW.matcher(run.out());
            assertThat(row.find()).as(run.out()).isTrue();
            assertThat(Double.parseDouble(row.group(3))).as("wait s/s above CPU s/s").isGreaterThan(
                    Double.parseDouble(row.group(2)));
            assertThat(run.out()).contains("TailLatency$Worker.handle"); // top over the run-queue profile
            assertThat(Files.readString(json)).contains("\"name\": \"worker-1\"");
            assertThat(run.out()).contains("worker-1 (").contains("THREAD ");
            assertThat(pprof).isNotEmptyFile();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17"})
    void aQuietTargetHasNoVerdict(String jdk) throws Exception {
        try (TargetJvm t = TargetJvm.start(TargetJvm.jdk(jdk), "profcon.demo.ManyThreadsNoWork", "--threads=50")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-c", "sched 2s");

            assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
            assertThat(run.out()).startsWith("sched over ").contains("POOL ").doesNotContain("CPU-starved")
                    .doesNotContain("CPU-throttled").doesNotContain("throttling:");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17"})
    void aTargetInACgroupWithHalfACpuIsThrottled(String jdk) throws Exception {
        Assumptions.assumeTrue(CpuQuotaGroup.available(), "no writable cgroup v1 CPU controller at "
                + CpuQuotaGroup.CPU_CGROUPS + " (needs root on a cgroup v1 machine): skipping the throttling test");
        try (CpuQuotaGroup group = CpuQuotaGroup.create("profcon-sched-it", 0.5);
             TargetJvm t = TargetJvm.start(TargetJvm.jdk(jdk), "profcon.demo.TailLatency", "--threads=4",
                     "--iterations=20000")) {
            group.moveIn(t.pid());

            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-c", "sched 3s");

            assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
            assertThat(run.out()).contains("cgroup quota 0.5 CPUs").containsPattern(
                    "throttling: [1-9][0-9,]* of [0-9,]+ periods throttled").contains(
                    "CPU-throttled: the cgroup's quota of 0.5 CPUs stopped the target in ");
            group.moveOut(t.pid()); // out again, so the group can go whatever happens next
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void theSchedulerLatencyRunbookNamesTheRequestPool(String jdk) throws Exception {
        Path runbook = Path.of(System.getProperty("user.dir")).getParent().resolve(
                "scripts/runbooks/scheduler-latency.pfc");
        try (TargetJvm t = TargetJvm.start(TargetJvm.jdk(jdk), "profcon.demo.SchedulerLatency")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(t.pid()), "-f", runbook.toString());

            assertThat(run.exitCode()).as(run.err() + "\n" + run.out()).isZero();
            assertThat(run.out()).containsPattern("(?m)^CPU-starved: pool request, 4 threads");
        }
    }
}
