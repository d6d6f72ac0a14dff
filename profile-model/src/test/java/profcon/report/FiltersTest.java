package profcon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.model.Profile;
import profcon.pprof.PprofWriter;

/** Filters, value selection and base profiles, on the Java profile of {@link ReportsRunTest}. */
class FiltersTest {
    static final long MS = ReportsRunTest.MS;

    private static String top(String... args) throws ReportException {
        return ReportsRunTest.run("top", args);
    }

    private static Path base(Path dir) throws Exception {
        Profile base = JavaProfileBuilder.cpu()
                .sample(new long[] {10, 100 * MS}, "com.example.Metrics.record:42",
                        "com.example.Handler.handle:17", "com.example.Server.run:8")
                .sample(new long[] {20, 200 * MS}, "com.example.Codec.encode:5",
                        "com.example.Handler.handle:18", "com.example.Server.run:8")
                .build();
        Path file = dir.resolve("base.pb.gz");
        PprofWriter.write(base, file);
        return file;
    }

    @Test
    void diffBaseSubtractsAndUsesTheBaseTotal(@TempDir Path tmp) throws Exception {
        assertThat(top("diff_base=" + base(tmp))).isEqualTo("""
                Showing nodes accounting for 150ms, 50.00% of 300ms total
                      flat  flat%   sum%        cum   cum%
                     200ms 66.67% 66.67%      250ms 83.33%  com.example.Metrics.record
                    -100ms 33.33% 33.33%     -100ms 33.33%  com.example.Codec.encode
                      50ms 16.67% 50.00%       50ms 16.67%  java.util.HashMap.get
                         0     0% 50.00%      150ms 50.00%  com.example.Handler.handle
                         0     0% 50.00%      150ms 50.00%  com.example.Server.run
                """);
    }

    @Test
    void baseSubtractsWithTheWholeTotal(@TempDir Path tmp) throws Exception {
        String base = "base=" + base(tmp);
        assertThat(top(base)).startsWith("Showing nodes accounting for 150ms, 20.00% of 750ms total\n");
        assertThat(top(base, "drop_negative=true")).doesNotContain("Codec")
                .contains("Showing nodes accounting for 250ms, 33.33% of 750ms total");
        // normalize scales the profile to the base's total (300ms) before subtracting, truncating as pprof does.
        assertThat(top(base, "normalize=true")).contains("-133333334ns 22.22% 22.22% -133333334ns 22.22%");
    }

    @Test
    void missingBaseFileIsOneLineError(@TempDir Path tmp) {
        assertThatThrownBy(() -> top("base=" + tmp.resolve("nope.pb.gz"))).isInstanceOf(ReportException.class)
                .message().doesNotContain("\n");
    }

    @Test
    void showFromDropsFramesAboveTheMatch() throws ReportException {
        assertThat(top("show_from=Handler")).doesNotContain("Server.run")
                .contains("         0     0%   100%      450ms   100%  com.example.Handler.handle");
    }

    @Test
    void pruneFromDropsFramesBelowTheMatch() throws ReportException {
        assertThat(top("prune_from=Metrics")).doesNotContain("HashMap")
                .contains("     350ms 77.78% 77.78%      350ms 77.78%  com.example.Metrics.record");
    }

    @Test
    void pruneFromCutsAtTheLeafMostMatch() throws ReportException {
        Profile p = JavaProfileBuilder.cpu().sample(new long[] {1, 10 * MS}, "x.Y.d:1", "x.Y.b:2", "x.Y.c:3",
                "x.Y.b:4", "x.Y.a:5").build();
        String out = top(p, "prune_from=^x.Y.b$", "granularity=lines");
        assertThat(out).contains("      10ms   100%   100%       10ms   100%  x.Y.b Y.java:2\n")
                .contains("x.Y.c Y.java:3").doesNotContain("x.Y.d");
    }

    @Test
    void showKeepsOnlyMatchingFrames() throws ReportException {
        assertThat(top("show=Metrics").lines().skip(4).toList())
                .containsExactly("     350ms 77.78% 77.78%      350ms 77.78%  com.example.Metrics.record");
    }

    @Test
    void unitsAndDivisor() throws ReportException {
        assertThat(top("unit=s")).contains("     0.30s 66.67% 66.67%      0.35s 77.78%  com.example.Metrics.record");
        assertThat(top("unit=ms")).contains("Showing nodes accounting for 450ms, 100% of 450ms total");
        assertThat(top("divide_by=1000")).contains("     300us 66.67% 66.67%      350us 77.78%");
        assertThatThrownBy(() -> top("divide_by=0")).hasMessage("zero divisor specified");
    }

    @Test
    void granularities() throws ReportException {
        assertThat(top("granularity=files")).contains("  Metrics.java\n").doesNotContain("record");
        assertThat(top("granularity=filefunctions")).contains("  com.example.Metrics.record Metrics.java\n");
        assertThat(top("granularity=lines")).contains("  com.example.Metrics.record Metrics.java:42\n")
                .contains("  com.example.Metrics.record Metrics.java:40\n");
    }

    @Test
    void treeHonoursNodecount() throws ReportException {
        assertThat(ReportsRunTest.run("tree", "nodecount=2")).contains("Showing top 2 nodes out of 5\n");
    }

    @Test
    void tagFocusRangesAndRegexps() throws ReportException {
        Profile p = JavaProfileBuilder.cpu()
                .sample(new long[] {1, 10 * MS}, Map.of("thread", List.of("main")), Map.of("bytes", List.of(512L)),
                        "com.example.A.a:1")
                .sample(new long[] {1, 20 * MS}, Map.of("thread", List.of("worker-1")),
                        Map.of("bytes", List.of(4L << 20)), "com.example.B.b:1")
                .build();
        assertThat(tags(p, "tagfocus=1mb:")).contains("bytes: Total 20ms of 30ms (66.67%)")
                .doesNotContain("512B");
        assertThat(tags(p, "tagfocus=:1kb")).contains("512B").doesNotContain("4MB");
        assertThat(tags(p, "tagfocus=thread=work")).contains("worker-1").doesNotContain("main");
        assertThat(tags(p, "tagignore=thread:main")).contains("worker-1").doesNotContain("main");
        assertThat(tags(p, "taghide=bytes")).doesNotContain("bytes:").contains("thread:");
        assertThat(tags(p, "tagshow=bytes")).contains("bytes:").doesNotContain("thread:");
        assertThat(top(p, "tagroot=thread")).contains("  main\n").contains("  worker-1\n");
    }

    private static String tags(Profile p, String... args) throws ReportException {
        return run(p, "tags", args);
    }

    private static String top(Profile p, String... args) throws ReportException {
        return run(p, "top", args);
    }

    private static String run(Profile p, String cmd, String... args) throws ReportException {
        java.io.StringWriter w = new java.io.StringWriter();
        Reports.run(cmd, List.of(args), p, Settings.defaults(), new java.io.PrintWriter(w));
        return w.toString();
    }
}
