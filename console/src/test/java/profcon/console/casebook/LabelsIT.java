package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static profcon.console.casebook.Profiles.hasFrame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.pprof.PprofReader;

/**
 * Case 13 end to end: request labels carried into an executor with profcon's labels API, seen
 * live through the agent and in a .jfr file the target recorded itself; and lost without
 * {@code wrap}, which is the defect the case describes.
 */
class LabelsIT {
    private static final String MAIN = "profcon.demo.LabelsAcrossExecutor";
    private static final Path JFC = Path.of("..", "scripts", "jfr", "profcon-concurrency.jfc").toAbsolutePath();
    private static final String WORK = "Handler\\.work$";

    @TempDir
    Path tmp;

    @Test
    void wrappedWorkCarriesTheEndpointLive() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, MAIN)) {
            Runbook.Result result = Runbook.named("labels-across-executor").runAgainst(target.pid(), tmp);
            assertThat(result.run().exitCode()).as(result.run().out() + result.run().err()).isZero();
            assertSharesNearCost(result.profiles().get(0));
        }
    }

    @Test
    void withoutWrapThePoolSamplesHaveNoEndpoint() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        Path saved = tmp.resolve("no-wrap.pb.gz");
        try (TargetJvm target = TargetJvm.start(home, MAIN, "--no-wrap")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile cpu 3s; save " + saved);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
        List<Sample> work = poolWork(PprofReader.read(saved));
        assertThat(work).isNotEmpty().allSatisfy(s -> assertThat(s.label("endpoint")).isNull());
    }

    @Test
    void aRecordingTheTargetMadeItselfCarriesTheEndpoint() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        Path recording = tmp.resolve("labels.jfr");
        try (TargetJvm target = TargetJvm.start(home,
                List.of("-XX:StartFlightRecording:name=labels,settings=" + JFC), MAIN)) {
            Thread.sleep(4_000); // the recording window itself, not a wait for a process
            jcmd(home, target.pid(), "JFR.dump", "name=labels", "filename=" + recording);
        }
        Path saved = tmp.resolve("from-file.pb.gz");
        ConsoleRun run = ConsoleRun.of(recording.toString(), "-c", "save " + saved
                + "; tags tagshow=endpoint; expect '/checkout'; tagfocus=endpoint=/checkout; top5; "
                + "expect top1 Handler.work");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertSharesNearCost(PprofReader.read(saved));
    }

    /** Handler.work on the pool is labelled, and the endpoints' CPU shares follow their cost, 3:2:1. */
    private static void assertSharesNearCost(Profile cpu) {
        List<Sample> work = poolWork(cpu);
        assertThat(work).isNotEmpty();
        Map<String, Long> byEndpoint = new TreeMap<>();
        long total = 0;
        for (Sample s : work) {
            long n = s.values()[0];
            total += n;
            byEndpoint.merge(String.valueOf(s.label("endpoint")), n, Long::sum);
        }
        String shares = byEndpoint + " of " + total + " samples";
        // A span begun before the recording started is unlabelled: at most the first work item per thread.
        assertThat(byEndpoint.getOrDefault("null", 0L)).as(shares).isLessThanOrEqualTo(total / 10);
        double checkout = share(byEndpoint, "/checkout", total);
        double search = share(byEndpoint, "/search", total);
        double health = share(byEndpoint, "/health", total);
        // Expected 0.50, 0.33, 0.17; generous bounds for a loaded two-core machine.
        assertThat(checkout).as(shares).isBetween(0.35, 0.65);
        assertThat(search).as(shares).isBetween(0.20, 0.47);
        assertThat(health).as(shares).isBetween(0.07, 0.30);
    }

    private static double share(Map<String, Long> byEndpoint, String endpoint, long total) {
        return (double) byEndpoint.getOrDefault(endpoint, 0L) / total;
    }

    private static List<Sample> poolWork(Profile cpu) {
        return cpu.samples().stream().filter(s -> hasFrame(s, WORK))
                .filter(s -> String.valueOf(s.label("thread")).startsWith("pool-")).toList();
    }

    private static void jcmd(String home, long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "jcmd").toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }
}
