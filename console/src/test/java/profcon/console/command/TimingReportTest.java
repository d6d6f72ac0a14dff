package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import profcon.agent.encoding.StackProfile;
import profcon.agent.timing.MethodLatency;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * The timing table, from the comment lines a timing profile carries, against golden files
 * ({@code -Dprofcon.regenerate=true} rewrites them).
 */
class TimingReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/timing");

    /** A 10 s window: a handler with a slow 1 %, a query, and a matched method never called. */
    static Profile profile() throws Exception {
        StackProfile p = new StackProfile(new String[][] {{"calls", "count"}, {"duration", "nanoseconds"}}, "duration",
                new String[] {"calls", "count"}, 1, 1_000);
        p.comment("profcon timing profile: a test");
        p.lateComments(() -> List.of(
                new MethodLatency("com.acme.Cart::checkout", 12_345, 12_345L * 238_000, 200, 264, 1_010, 20_400_000,
                        62_800_000).comment(),
                new MethodLatency("com.acme.Db::query", 987, 987L * 1_500_000, 850_000, 1_400_000, 2_300_000,
                        9_990_000, 1_234_000_000).comment(),
                new MethodLatency("com.acme.Cart::<init>", 0, 0, 0, 0, 0, 0, 0).comment()));
        return PprofReader.parse(p.encode(1_700_000_000_000_000_000L, 10_000_000_000L), "test");
    }

    @Test
    void text() throws Exception {
        assertGolden("timing-table.txt", TimingReport::write);
    }

    @Test
    void json() throws Exception {
        assertGolden("timing-table.json", TimingReport::json);
    }

    @Test
    void durationsKeepThreeFigures() {
        assertThat(List.of(0L, 850L, 1_000L, 12_345L, 238_000L, 20_400_000L, 1_234_000_000L, 75_000_000_000L).stream()
                .map(TimingReport::time)).containsExactly("0ns", "850ns", "1.00us", "12.3us", "238us", "20.4ms",
                "1.23s", "75.0s");
    }

    @Test
    void aProfileWithoutRowsSaysSo() throws Exception {
        StackProfile p = new StackProfile(new String[][] {{"calls", "count"}}, "calls", new String[] {"calls", "count"},
                1, 1_000);
        StringWriter out = new StringWriter();
        TimingReport.write(PprofReader.parse(p.encode(0, 1_000_000_000L), "empty"), new PrintWriter(out));
        assertThat(out.toString()).contains("no traced method was loaded or called in the window");
    }

    private static void assertGolden(String name, BiConsumer<Profile, PrintWriter> report) throws Exception {
        StringWriter out = new StringWriter();
        report.accept(profile(), new PrintWriter(out));
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("profcon.regenerate")) {
            Files.writeString(golden, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
