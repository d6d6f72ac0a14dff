package profcon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.model.Profile;

/** The interactive entry point on a profile with Java frames. */
class ReportsRunTest {
    static final long MS = 1_000_000;

    static Profile javaProfile() {
        return JavaProfileBuilder.cpu().duration(10_000 * MS)
                .sample(new long[] {30, 300 * MS}, "com.example.Metrics.record:42",
                        "com.example.Handler.handle:17", "com.example.Server.run:8")
                .sample(new long[] {10, 100 * MS}, "com.example.Codec.encode:5",
                        "com.example.Handler.handle:18", "com.example.Server.run:8")
                .sample(new long[] {5, 50 * MS}, "java.util.HashMap.get:570", "com.example.Metrics.record:40",
                        "com.example.Handler.handle:17", "com.example.Server.run:8")
                .build();
    }

    static String run(String command, String... args) throws ReportException {
        return run(Settings.defaults(), command, args);
    }

    static String run(Settings s, String command, String... args) throws ReportException {
        StringWriter w = new StringWriter();
        Reports.run(command, List.of(args), javaProfile(), s, new PrintWriter(w));
        return w.toString();
    }

    @Test
    void topShowsFullJavaNames() throws ReportException {
        assertThat(run("top")).isEqualTo("""
                Showing nodes accounting for 450ms, 100% of 450ms total
                      flat  flat%   sum%        cum   cum%
                     300ms 66.67% 66.67%      350ms 77.78%  com.example.Metrics.record
                     100ms 22.22% 88.89%      100ms 22.22%  com.example.Codec.encode
                      50ms 11.11%   100%       50ms 11.11%  java.util.HashMap.get
                         0     0%   100%      450ms   100%  com.example.Handler.handle
                         0     0%   100%      450ms   100%  com.example.Server.run
                """);
    }

    @Test
    void topNumberSuffixCumAndFocusWords() throws ReportException {
        String out = run("top2", "-cum", "Metrics");
        assertThat(out).startsWith("Active filters:\n   focus=Metrics\n");
        assertThat(out).contains("Showing top 2 nodes out of 4");
        assertThat(out.lines().skip(5).toList()).containsExactly(
                "         0     0%     0%      350ms 77.78%  com.example.Handler.handle",
                "     300ms 66.67% 66.67%      350ms 77.78%  com.example.Metrics.record");
    }

    @Test
    void optionsAfterTheCommandLastForOneCall() throws ReportException {
        String out = run("top", "granularity=lines", "hide=Server");
        assertThat(out).contains("com.example.Metrics.record Metrics.java:42");
        assertThat(out).doesNotContain("Server.run");
        assertThat(run("top")).doesNotContain("Metrics.java");
    }

    @Test
    void minusWordIgnores() throws ReportException {
        assertThat(run("top", "-Codec")).contains("Active filters:\n   ignore=Codec\n")
                .contains("350ms, 77.78% of 450ms total").doesNotContain("Codec.encode");
        assertThat(run("top", "-Codec", "relative_percentages=true")).contains("350ms, 100% of 350ms total");
    }

    @Test
    void peekShowsCallersAndCallees() throws ReportException {
        String out = run("peek", "Handler");
        assertThat(out).contains("""
                                                             450ms   100% |   com.example.Server.run
                         0     0%     0%      450ms   100%                | com.example.Handler.handle
                                                             350ms 77.78% |   com.example.Metrics.record
                                                             100ms 22.22% |   com.example.Codec.encode
                """);
    }

    @Test
    void tracesPrintEverySample() throws ReportException {
        String out = run("traces");
        assertThat(out).startsWith("Type: cpu\nDuration: 10s, Total samples = 450ms ( 4.50%)\n");
        assertThat(out).contains("     300ms   com.example.Metrics.record\n"
                + "             com.example.Handler.handle\n             com.example.Server.run\n");
    }

    @Test
    void errorsReadLikePprof() {
        assertThatThrownBy(() -> run("nodecount", "3")).hasMessage("did you mean: nodecount=3");
        assertThatThrownBy(() -> run("frobnicate")).hasMessage("unrecognized command: \"frobnicate\"");
        assertThatThrownBy(() -> run("list")).hasMessage("command list requires an argument");
        assertThatThrownBy(() -> run("list", "NoSuchThing")).hasMessage("no matches found for regexp: NoSuchThing");
        assertThatThrownBy(() -> run("top", "focus=(")).hasMessageStartingWith("parsing focus regexp: ");
        assertThatThrownBy(() -> run("top", "sample_index=bogus"))
                .hasMessage("sample_index \"bogus\" must be one of: [samples cpu]");
    }

    @Test
    void warningsForFiltersThatMatchNothing() throws ReportException {
        assertThat(run("top", "focus=Nothing")).startsWith("Focus expression matched no samples\n");
    }

    @Test
    void specsAndSplitting() {
        assertThat(Reports.splitNumberSuffix("top10")).containsExactly("top", "10");
        assertThat(Reports.splitNumberSuffix("tree3")).containsExactly("tree", "3");
        assertThat(Reports.splitNumberSuffix("peek")).containsExactly("peek");
        assertThat(Reports.specs()).extracting(ReportSpec::name)
                .contains("top", "peek", "tree", "traces", "tags", "list", "comments", "options");
        assertThat(Reports.spec("text")).map(ReportSpec::name).hasValue("top");
    }

    @Test
    void sampleTypeNamesAreShortcuts() throws ReportException {
        Profile p = javaProfile();
        assertThat(Reports.isSampleType(p, "samples")).isTrue();
        assertThat(Reports.isSampleType(p, "mean_cpu")).isTrue();
        assertThat(Reports.isSampleType(p, "alloc_space")).isFalse();
        Settings s = Reports.sampleTypeShortcut(p, "samples", Settings.defaults()).orElseThrow();
        assertThat(s.get("sample_index")).isEqualTo("samples");
        assertThat(run(s, "top")).contains("Showing nodes accounting for 45, 100% of 45 total");
        assertThat(run("top", "sample_index=0")).contains("of 45 total");
    }

    @Test
    void listReadsSourcesFromDirectoriesAndSourceJars(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("src/com/example"));
        Files.writeString(dir.resolve("Handler.java"), numbered("handler", 25));
        Path jar = tmp.resolve("lib-sources.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("com/example/Metrics.java"));
            zip.write(numbered("metrics", 50).getBytes(StandardCharsets.UTF_8));
        }
        Settings s = Settings.defaults().set("source_path", tmp.resolve("src") + ":" + jar);
        String out = run(s, "list", "Handler|Metrics");
        assertThat(out).contains("ROUTINE ======================== com.example.Handler.handle in Handler.java\n"
                + "         0      450ms (flat, cum)   100% of Total\n");
        assertThat(out).contains("         .      350ms     17:handler line 17\n");
        assertThat(out).contains("     300ms      300ms     42:metrics line 42\n");
        assertThat(out).contains("         .       50ms     40:metrics line 40\n");
    }

    @Test
    void listWithoutSourcesStillShowsSampledLines(@TempDir Path tmp) throws ReportException {
        String out = run(Settings.defaults().set("source_path", tmp.toString()), "list", "Metrics.record");
        assertThat(out).isEqualTo("Total: 450ms\n"
                + "ROUTINE ======================== com.example.Metrics.record in Metrics.java\n"
                + "     300ms      350ms (flat, cum) 77.78% of Total\n"
                + " Error: could not find file Metrics.java on path " + tmp + " (listing only the lines with samples)\n"
                + "         .       50ms     40:\n"
                + "     300ms      300ms     42:\n");
    }

    private static String numbered(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(prefix).append(" line ").append(i).append('\n');
        }
        return b.toString();
    }
}
