package profcon.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.threads.Frame;

/**
 * The sched report and its JSON over the recorded window, against golden files named after their
 * options; regenerate with {@code -Dprofcon.golden.update=true}. Also: the verdict names the starved
 * pool and the throttling, a quiet window has none, JSON reads back to the same report, and the
 * run-queue profile puts the starved pool on top.
 */
class SchedReportGoldenTest {
    private static final Path GOLDEN = SchedFixtures.DIR.resolve("golden");
    private static final boolean UPDATE = Boolean.getBoolean("profcon.golden.update");

    @Test
    void reportsMatchTheirGoldens() throws Exception {
        SchedResult r = SchedFixtures.result();
        golden("sched.pool.txt", r, (res, out) -> SchedReport.write(res, false, out));
        golden("sched.by=thread.txt", r, (res, out) -> SchedReport.write(res, true, out));
        golden("sched.pool.json", r, (res, out) -> SchedJson.write(res, false, out));
    }

    @Test
    void theVerdictNamesThePinnedPoolAndTheQuota() throws Exception {
        List<String> verdict = SchedVerdict.of(SchedFixtures.result());

        assertThat(verdict.get(0)).matches("CPU-starved: pool worker, 6 threads, waited [0-9.]+ s per second of CPU "
                + "it got, on 0.5 CPUs");
        assertThat(verdict).anyMatch(l -> l.startsWith("CPU-throttled: the cgroup's quota of 0.5 CPUs stopped the "
                + "target in "));
    }

    @Test
    void aQuietWindowHasNoVerdict() {
        SchedThread idle = new SchedThread(1, "request-1", "java", "request", 5_000_000, 40_000, 30, 30, 0, false);
        SchedThread busy = new SchedThread(2, "batch-1", "java", "batch", 900_000_000, 2_000_000, 10, 0, 3, false);
        // on a loaded machine a housekeeping thread waits at every wake-up, though it wants next to no CPU
        SchedThread periodic = new SchedThread(3, "VM Periodic Tas", "jvm", "VM Periodic Tas", 1_000_000, 500_000_000,
                20, 20, 0, false);
        SchedResult quiet = new SchedResult(1_000_000_000L, new CpuBudget("0-1", 2, Double.NaN, 2, ""), 0.2, 0.3, 2,
                0.5, null, List.of(idle, busy, periodic), 0);

        assertThat(SchedVerdict.of(quiet)).isEmpty();
        assertThat(text(quiet, false)).doesNotContain("CPU-starved").doesNotContain("throttling");
    }

    @Test
    void savedJsonReadsBackToTheSameReport() throws Exception {
        SchedResult r = SchedFixtures.result();
        StringWriter json = new StringWriter();
        SchedJson.write(r, false, new PrintWriter(json));

        SchedResult back = SchedJson.read(json.toString());

        assertThat(text(back, false)).isEqualTo(text(r, false));
        assertThat(text(back, true)).isEqualTo(text(r, true));
    }

    @Test
    void theRunQueueProfileHasTheStarvedWorkersWaitOnTheirStack() throws Exception {
        SchedResult r = SchedFixtures.result();
        SchedThread worker = r.threads().stream().filter(t -> t.name().equals("worker-1")).findFirst().orElseThrow();
        Frame leaf = new Frame("profcon.demo.TailLatency$Worker", "handle", "TailLatency.java", 55);

        Profile p = RunQueueProfile.of(r, Map.of(worker.tid(), List.of(leaf)), 0);

        assertThat(p.sampleTypes().get(0).type()).isEqualTo("runqueue");
        Sample s = p.samples().stream().filter(x -> "worker-1".equals(x.label("thread"))).findFirst().orElseThrow();
        assertThat(s.values()).containsExactly(worker.waitNanos(), worker.cpuNanos());
        assertThat(s.locations().get(0).lines().get(0).function().name())
                .isEqualTo("profcon.demo.TailLatency$Worker.handle");
        assertThat(s.label("pool")).isEqualTo("worker");
        assertThat(p.samples()).anyMatch(x -> x.locations().get(0).lines().get(0).function().name()
                .equals("[jvm thread VM Thread]"));
    }

    private static String text(SchedResult r, boolean byThread) {
        StringWriter text = new StringWriter();
        SchedReport.write(r, byThread, new PrintWriter(text));
        return text.toString();
    }

    private static void golden(String name, SchedResult r, BiConsumer<SchedResult, PrintWriter> render)
            throws Exception {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            render.accept(r, out);
        }
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        }
        assertThat(text.toString()).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
