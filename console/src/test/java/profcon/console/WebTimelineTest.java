package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.report.Reports;
import profcon.trace.ThreadState;
import profcon.trace.Trace;
import profcon.trace.TracePause;
import profcon.trace.TraceSpan;
import profcon.trace.TraceThread;

/** {@code web} while a trace is current: the timeline, unless {@code web flame} asks for the flame graph. */
class WebTimelineTest {
    private static final Trace TRACE = new Trace("/data/checkout.jfr", Instant.parse("2026-12-05T10:00:00Z"),
            1_000_000_000L, List.of(new TraceThread("worker-1", "worker", 7, 700, false, -1, -1,
                    List.of(new TraceSpan(0, 1_000_000_000L, ThreadState.RUNNING, "", List.of("a.B.c:1"))))),
            List.of(new TracePause(100_000_000L, 110_000_000L, "gc", "G1 Young")));

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err, true), false,
            false);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry(Reports.specs()));

    @Test
    void onATraceWebWritesTheTimeline() throws Exception {
        onTrace();
        Path page = tmp.resolve("t.html");
        run("web " + page);
        assertThat(err.toString()).endsWith("timeline of /data/checkout.jfr written to " + page
                + "; open it in a browser\n");
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .contains("<title>profcon: timeline of /data/checkout.jfr</title>")
                .contains("{\"name\":\"worker-1\",\"javaId\":7,\"osId\":700,");
    }

    @Test
    void webFlameOnATraceWritesTheFlameGraphOfItsProfile() throws Exception {
        onTrace();
        Path page = tmp.resolve("f.html");
        run("web flame " + page + " hotLoop");
        assertThat(err.toString()).contains("flame graph of " + WebCommandTest.fixture() + " written to " + page);
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains("flame graph of demo-cpu.pb.gz")
                .contains("Active filters: focus=hotLoop").doesNotContain("trace-data");
    }

    @Test
    void anotherProfileMakesWebAFlameGraphAgain() throws Exception {
        onTrace();
        run("load " + WebCommandTest.fixture());
        Path page = tmp.resolve("again.html");
        run("web " + page);
        assertThat(err.toString()).contains("flame graph of " + WebCommandTest.fixture() + " written to " + page);
    }

    @Test
    void filtersOnATimelineAreOneLineSayingWhatToDo() throws Exception {
        onTrace();
        assertThat(dispatcher.run("web " + tmp.resolve("x.html") + " focus=Cache", session)).isEmpty();
        assertThat(err.toString()).contains("web on a trace takes only FILE.html, not 'focus=Cache' (the timeline has"
                + " no filters; 'web flame focus=Cache' for the trace's flame graph)");
        assertThat(tmp.resolve("x.html")).doesNotExist();
    }

    private void onTrace() throws Exception {
        run("load " + WebCommandTest.fixture());
        session.trace(TRACE);
    }

    private void run(String line) throws Exception {
        assertThat(dispatcher.run(line, session)).as(line + ": " + err).isPresent();
    }
}
