package profcon.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a recorded trace back into the model: spans per thread, the sched join, pauses, notes, bad files. */
class TraceReaderTest {
    @TempDir
    Path tmp;

    @Test
    void theRequestThreadsAreBlockedOnTheMetricsMonitor() throws IOException {
        Trace trace = TraceFixtures.mysterySlowdown();

        List<TraceThread> requests = trace.threads().stream().filter(t -> t.group().equals("request")).toList();
        assertThat(requests).hasSize(8).allMatch(t -> t.name().startsWith("request-") && t.osId() > 0);
        assertThat(requests).allMatch(t -> t.spans().stream().anyMatch(s -> s.state() == ThreadState.LOCK
                && s.detail().equals("monitor of profcon.demo.MysterySlowdown$Metrics")
                && s.stack().get(0).startsWith("profcon.demo.MysterySlowdown$Metrics.record:")));
    }

    @Test
    void everySpanLiesInTheWindowInTimeOrder() throws IOException {
        Trace trace = TraceFixtures.mysterySlowdown();

        assertThat(trace.lengthNanos()).isPositive();
        for (TraceThread t : trace.threads()) {
            long previous = 0;
            for (TraceSpan s : t.spans()) {
                assertThat(s.startNanos()).as(t.name()).isGreaterThanOrEqualTo(previous);
                assertThat(s.endNanos()).as(t.name()).isLessThanOrEqualTo(trace.lengthNanos()).isGreaterThan(s.startNanos());
                previous = s.startNanos();
            }
        }
        assertThat(trace.pauses()).allMatch(p -> p.startNanos() >= 0 && p.endNanos() <= trace.lengthNanos());
    }

    @Test
    void theSchedReadingsJoinTheirThreadsByOsId() throws IOException {
        Trace trace = TraceFixtures.mysterySlowdown();

        // a JVM thread JFR has no event of is known only from the sched readings, by its name there
        assertThat(trace.threads()).anyMatch(t -> t.javaId() == 0 && t.name().startsWith("C2 CompilerThre")
                && t.spans().stream().anyMatch(s -> s.state() == ThreadState.RUNQUEUE || s.state() == ThreadState.RUNNING));
        assertThat(trace.threads().stream().filter(t -> t.group().equals("request")))
                .anyMatch(t -> t.spans().stream().anyMatch(s -> s.state() == ThreadState.RUNQUEUE));
        assertThat(trace.notes()).contains("CPUs allowed: 0-1 (2); run-queue waits read every 100 ms");
    }

    @Test
    void aTruncatedFileIsOneLineSayingSo() throws IOException {
        Path cut = tmp.resolve("cut.jfr");
        byte[] whole = Files.readAllBytes(TraceFixtures.MYSTERY_SLOWDOWN);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> TraceReader.read(cut)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read " + cut + " as a trace: it is corrupt or truncated");
    }
}
