package profcon.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * Every thread report over dumps captured from the demo targets (scripts/capture-thread-fixtures.sh),
 * compared with golden files named after fixture, report and options. Regenerate the goldens with
 * {@code -Dprofcon.golden.update=true}.
 */
class ThreadReportsGoldenTest {
    private static final Path FIXTURES = Path.of("src/test/resources/threads");
    private static final boolean UPDATE = Boolean.getBoolean("profcon.golden.update");

    /** A report over fixtures, rendered to text. */
    interface Render {
        void render(PrintWriter out) throws Exception;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                golden("many-threads-17.grouped", out -> GroupedThreadsReport.render(dump("many-threads-17"),
                        ThreadQuery.all(), out)),
                golden("many-threads-17.grouped.state=BLOCKED.frames=2", out -> GroupedThreadsReport.render(
                        dump("many-threads-17"), new ThreadQuery(null, "blocked", 2), out)),
                golden("many-threads-17.grouped.regex=gate-keeper.full", out -> GroupedThreadsReport.render(
                        dump("many-threads-17"), new ThreadQuery(Pattern.compile("gate-keeper"), null, 0), out)),
                golden("many-threads-virtual-25.grouped", out -> GroupedThreadsReport.render(
                        dump("many-threads-virtual-25"), ThreadQuery.all(), out)),
                golden("unnamed-virtual-lock-25.grouped", out -> GroupedThreadsReport.render(
                        dump("unnamed-virtual-lock-25"), ThreadQuery.all(), out)),
                golden("unnamed-virtual-lock-25.grouped.frames=4", out -> GroupedThreadsReport.render(
                        dump("unnamed-virtual-lock-25"), new ThreadQuery(null, null, 4), out)),
                golden("deadlock-monitor-17.grouped", out -> GroupedThreadsReport.render(dump("deadlock-monitor-17"),
                        ThreadQuery.all(), out)),
                golden("deadlock-juc-25.grouped", out -> GroupedThreadsReport.render(dump("deadlock-juc-25"),
                        ThreadQuery.all(), out)),
                golden("deadlock-juc-17-full.full", out -> ThreadDumpReport.render(dump("deadlock-juc-17-full"),
                        new ThreadQuery(null, null, 0), out)),
                golden("leak-17.diff", out -> ThreadDiffReport.render(dump("leak-17-before"), dump("leak-17-after"),
                        ThreadQuery.all(), out)),
                golden("leak-17.diff.regex=SynchronousQueue.frames=4", out -> ThreadDiffReport.render(
                        dump("leak-17-before"), dump("leak-17-after"),
                        new ThreadQuery(Pattern.compile("SynchronousQueue"), null, 4), out)),
                golden("many-threads-17.goroutine-profile", out -> profile(GoroutineProfile.of(dump("many-threads-17")),
                        out)),
                golden("pauses-17.pauses.longest=5", out -> PausesReport.render(PauseEvents.parse(
                        fixture("pauses-17")), 5, out)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportMatchesGolden(String name, Render render) throws Exception {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            render.render(out);
        }
        Path golden = FIXTURES.resolve("golden").resolve(name + ".txt");
        if (UPDATE) {
            Files.writeString(golden, text.toString(), StandardCharsets.UTF_8);
        }
        assertThat(text.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static Arguments golden(String name, Render render) {
        return Arguments.of(name, render);
    }

    static ThreadDump dump(String name) throws IOException, ThreadDumpFormatException {
        return ThreadDumpCodec.parse(fixture(name), name + ".txt");
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }

    /** The goroutine profile's samples as text: value, labels, stack; enough to pin its shape. */
    private static void profile(Profile p, PrintWriter out) {
        out.println("sample types: " + p.sampleTypes() + ", period " + p.periodType() + " " + p.period());
        for (Sample s : p.samples()) {
            out.println(s.values()[0] + " " + new java.util.TreeMap<>(s.labels()));
            s.locations().forEach(l -> out.println("    " + l.lines().get(0).function().name() + ":"
                    + l.lines().get(0).line()));
        }
    }
}
