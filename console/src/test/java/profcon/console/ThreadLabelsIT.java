package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import profcon.leakcheck.CheckThreadLeaks;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.pprof.PprofReader;

/**
 * Application labels on the kinds not made from JFR events, end to end on real targets: {@code wall}
 * samples and {@code goroutines} threads carry the labels each thread had when sampled, including
 * those of spans entered before the session attached ({@code LabelsAcrossExecutor --stuck=3}:
 * export requests for tenants acme, globex, acme, stuck before the ready line).
 */
@CheckThreadLeaks
class ThreadLabelsIT {
    private static final String MAIN = "profcon.demo.LabelsAcrossExecutor";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void wallSamplesCarryTenantsOfStuckRequestsAndEndpointsOfLiveOnes(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        Path saved = tmp.resolve("wall.pb.gz");
        try (TargetJvm target = TargetJvm.start(home, MAIN, "--stuck=3")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile wall 3s; save " + saved
                    + "; tags tagshow=tenant; expect 'acme'; expect 'globex'; tagfocus=tenant=globex; traces; "
                    + "expect 'Export.awaitReport'");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(TargetThreads.awaitNoProfconThreads(home, target.pid())).doesNotContain("\"profcon-");
        }
        Profile wall = PprofReader.read(saved);
        List<Sample> stuck = withFrame(wall, "LabelsAcrossExecutor$Export.awaitReport");
        assertThat(stuck).isNotEmpty().allSatisfy(s -> {
            assertThat(s.label("endpoint")).isEqualTo("/export");
            assertThat(s.label("tenant")).isIn("acme", "globex");
            assertThat(s.label("thread")).startsWith("export-");
        });
        assertThat(stuck).extracting(s -> s.label("tenant")).contains("acme", "globex");
        // spans that begin and end while the session runs: the pool's work carries its request's endpoint
        assertThat(withFrame(wall, "LabelsAcrossExecutor$Handler.work")).isNotEmpty()
                .anySatisfy(s -> assertThat(s.label("endpoint")).isIn("/checkout", "/search", "/health"));
        assertThat(withFrame(wall, "ThreadLabelsIT")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"profcon.jdk17, ''", "profcon.jdk25, ''", "profcon.jdk25, --stuck-virtual"})
    void goroutinesLabelFilterSelectsOnlyThatTenantsThreads(String jdk, String virtual) throws Exception {
        String home = TargetJvm.jdk(jdk);
        Path saved = tmp.resolve("goroutines.pb.gz");
        String[] args = virtual.isEmpty() ? new String[] {"--stuck=3"} : new String[] {"--stuck=3", virtual};
        try (TargetJvm target = TargetJvm.start(home, MAIN, args)) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c",
                    "goroutines label=tenant=acme; goroutines -profile; save " + saved);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            String filtered = run.out().substring(0, run.out().lastIndexOf("Threads: "));
            assertThat(filtered).contains("among 2 threads labelled tenant=acme")
                    .contains("2 threads: WAITING 2" + (virtual.isEmpty() ? "" : "; 2 virtual") + "\n")
                    .contains("  labels: endpoint=/export tenant=acme 2\n")
                    .contains("LabelsAcrossExecutor$Export.awaitReport")
                    .doesNotContain("globex").doesNotContain("request-").doesNotContain("export-2");
            String all = run.out().substring(run.out().lastIndexOf("Threads: "));
            assertThat(all).contains("endpoint=/export tenant=globex 1");
        }
        Profile goroutines = PprofReader.read(saved);
        assertThat(withFrame(goroutines, "LabelsAcrossExecutor$Export.awaitReport"))
                .extracting(s -> s.label("tenant") + " " + s.values()[0]).containsExactlyInAnyOrder("acme 2", "globex 1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void jfrKindsLabelAThreadWhoseSpanBeganBeforeTheSession(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        Path cpu = tmp.resolve("cpu.pb.gz");
        Path block = tmp.resolve("block.pb.gz");
        try (TargetJvm target = TargetJvm.start(home, MAIN, "--batch", "--requests=1")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile cpu 3s; save " + cpu
                    + "; profile block 3s; save " + block);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
        for (Path saved : List.of(cpu, block)) {
            List<Sample> batch = PprofReader.read(saved).samples().stream()
                    .filter(s -> "batch-reindex".equals(s.label("thread"))).toList();
            assertThat(batch).as(saved.toString()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.label("job")).isEqualTo("reindex"));
        }
    }

    private static List<Sample> withFrame(Profile p, String frame) {
        return p.samples().stream().filter(s -> s.locations().stream().anyMatch(l -> l.lines().stream()
                .anyMatch(line -> line.function().name().contains(frame)))).toList();
    }
}
