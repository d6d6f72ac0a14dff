package profcon.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The trace summary of the recorded fixture against golden files named after their options;
 * regenerate with {@code -Dprofcon.golden.update=true}.
 */
class TraceSummaryGoldenTest {
    private static final Path GOLDEN = TraceFixtures.DIR.resolve("golden");
    private static final boolean UPDATE = Boolean.getBoolean("profcon.golden.update");

    @Test
    void summariesMatchTheirGoldens() throws Exception {
        Trace trace = TraceFixtures.mysterySlowdown();
        golden("trace.summary.default.txt", trace, TraceSummary.Options.DEFAULT);
        golden("trace.summary.width=30.rows=3.names=2.pauses=1.txt", trace, new TraceSummary.Options(30, 3, 2, 1));
    }

    @Test
    void theRequestPoolLeadsAndIsMostlyBlocked() throws Exception {
        String text = text(TraceFixtures.mysterySlowdown(), TraceSummary.Options.DEFAULT);

        assertThat(text).containsPattern("(?m)^request\\s+8  [L.rP#]*L{20,}[L.rP#]*  L ");
        assertThat(text).contains("top lock: monitor of profcon.demo.MysterySlowdown$Metrics at "
                + "profcon.demo.MysterySlowdown$Metrics.record:84, ");
    }

    private static void golden(String name, Trace trace, TraceSummary.Options options) throws Exception {
        String text = text(trace, options);
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(text).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String text(Trace trace, TraceSummary.Options options) {
        StringWriter out = new StringWriter();
        TraceSummary.write(trace, options, new PrintWriter(out));
        return out.toString();
    }
}
