package profcon.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parsing of /proc and cgroup files, on recorded text and on the recorded fixture tree. */
class ProcParsingTest {
    @TempDir
    Path tmp;

    @Test
    void aTaskReadsItsSchedstatAndItsSwitches() {
        TaskStat t = TaskStat.parse(7, "worker-1\n", "123456 789 42\n",
                "Name:\tworker-1\nState:\tR (running)\nvoluntary_ctxt_switches:\t5\nnonvoluntary_ctxt_switches:\t61\n");

        assertThat(t).isEqualTo(new TaskStat(7, "worker-1", 123456, 789, 42, 5, 61));
        assertThat(t.minus(new TaskStat(7, "worker-1", 56, 89, 2, 5, 1)))
                .isEqualTo(new TaskStat(7, "worker-1", 123400, 700, 40, 0, 60));
        assertThatThrownBy(() -> TaskStat.parse(7, "x", "12\n", "")).hasMessage(
                "task 7: schedstat has 1 fields, expected 3: '12'");
    }

    @Test
    void cpuListsThrottlingAndTheMachineReadAsTheKernelWritesThem() {
        assertThat(CpuList.count("0-3,8,10-11\n")).isEqualTo(7);
        assertThat(CpuList.count("0")).isEqualTo(1);
        assertThat(Throttling.parse("nr_periods 57\nnr_throttled 50\nthrottled_time 2705563655\nnr_bursts 0\n"))
                .isEqualTo(new Throttling(57, 50, 2_705_563_655L));
        assertThat(Throttling.parse("usage_usec 9\nnr_periods 10\nnr_throttled 3\nthrottled_usec 2000\n"))
                .isEqualTo(new Throttling(10, 3, 2_000_000L));
        MachineTimes m = MachineTimes.parse("1.99 2.51 5.91 1/102 12537\n",
                "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\ncpu1 50 0 25 400 25 0 0 0 0 0\n");
        assertThat(m).isEqualTo(new MachineTimes(1.99, 2, 150, 1000));
        assertThat(new MachineTimes(3, 2, 450, 1400).busySince(m)).isEqualTo(0.75);
    }

    @Test
    void theRecordedTargetHasEveryThreadItsCpusetAndItsCgroupsQuota() throws Exception {
        SchedReading end = SchedFixtures.probe("end").read();
        long pid = SchedFixtures.pid();

        try (var tasks = Files.list(SchedFixtures.DIR.resolve("end/proc/" + pid + "/task"))) {
            assertThat(end.tasks()).hasSize((int) tasks.count());
        }
        assertThat(end.tasks().get(pid).comm()).isEqualTo("java");
        assertThat(end.throttling().throttledPeriods()).isPositive();
        CpuBudget budget = SchedFixtures.probe("end").budget(1);
        assertThat(budget).isEqualTo(new CpuBudget("0", 1, 0.5, 1, "v1 /profcon-fixture"));
        assertThat(budget.effective()).isEqualTo(0.5);
    }

    @Test
    void aCgroupV2QuotaIsTheLowestOnTheWayToTheRoot() throws Exception {
        Path proc = tmp.resolve("proc");
        Path root = tmp.resolve("cgroup");
        Files.createDirectories(proc.resolve("42"));
        Files.writeString(proc.resolve("42/cgroup"), "0::/app/web\n");
        Files.createDirectories(root.resolve("app/web"));
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory\n");
        Files.writeString(root.resolve("app/cpu.max"), "150000 100000\n");
        Files.writeString(root.resolve("app/web/cpu.max"), "max 100000\n");
        Files.writeString(root.resolve("app/web/cpu.stat"), "nr_periods 4\nnr_throttled 1\nthrottled_usec 7\n");

        CgroupCpu cgroup = CgroupCpu.of(proc, root, 42).orElseThrow();

        assertThat(cgroup.describe()).isEqualTo("v2 /app/web");
        assertThat(cgroup.quotaCpus()).isEqualTo(1.5);
        assertThat(cgroup.throttling()).isEqualTo(new Throttling(4, 1, 7000));
        Files.writeString(root.resolve("app/cpu.max"), "max 100000\n");
        assertThat(cgroup.quotaCpus()).isNaN();
    }

    @Test
    void theAgentsThreadIdsReadByNativeId() {
        Map<Long, ThreadIdentity> ids = ThreadIdentity.parse("101 1 java main\n102 7 jvm C2 CompilerThread0\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(ids.get(102L)).isEqualTo(new ThreadIdentity(102, 7, "jvm", "C2 CompilerThread0"));
        assertThat(ids).hasSize(2);
    }

    @Test
    void aProcessWithoutSchedstatSaysSoInOneLine() {
        assertThatThrownBy(() -> SchedProbe.of(tmp, tmp, 42)).isInstanceOf(SchedUnavailableException.class)
                .hasMessageStartingWith("sched cannot read " + tmp.resolve("42/task/42/schedstat"));
    }
}
