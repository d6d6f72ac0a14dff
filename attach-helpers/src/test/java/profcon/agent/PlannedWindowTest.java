package profcon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.channel.Wire;

/**
 * A cpu profile started with its window ({@code window_ms=}) ends by itself exactly that long after
 * JFR started, and its stop then returns at once instead of waiting for JFR's next flush; a stop
 * before the end (Ctrl-C) still ends the window there. Profiles this JVM.
 */
class PlannedWindowTest {
    /** The bound for the whole command is D + 0.5 s; the stop alone must stay well inside it. */
    private static final Duration STOP_BOUND = Duration.ofMillis(500);
    @TempDir
    Path dir;
    private RequestHandler agent;

    @AfterEach
    void release() {
        agent.release();
    }

    @Test
    void theWindowEndsOnTimeAndOnJdk25TheStopFindsItDrained() throws Exception {
        agent = new RequestHandler(dir, () -> { });
        ok("start cpu window_ms=1200 period=10ms");

        awaitElapsed(1200, Duration.ofSeconds(10));
        // The subject is a stop that comes after the planned end: 100 ms past it, as a console's late
        // stop would. Not a wait for readiness: the agent signals nothing when its gate has fired.
        Thread.sleep(100);
        String progress = ok("progress");
        long t0 = System.nanoTime();
        String stopped = ok("stop");
        Duration stop = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(stopped).as("a stop after the planned end keeps the window exact").endsWith(" elapsed_ms=1200");
        if (Runtime.version().feature() >= 25) { // JDK 17 flushes the sampler's samples late: its stop still waits
            assertThat(progress).as("ended by itself, the window stays 1200 ms").contains("elapsed_ms=1200 ");
            assertThat(stop).as("stop after the planned end").isLessThan(STOP_BOUND);
        }
    }

    @Test
    void aStopBeforeThePlannedEndEndsTheWindowThere() throws Exception {
        agent = new RequestHandler(dir, () -> { });
        ok("start cpu window_ms=60000");
        awaitElapsed(300, Duration.ofSeconds(10)); // a profile under way, then Ctrl-C

        String stopped = ok("stop");

        assertThat(elapsed(stopped)).isBetween(300L, 30_000L);
        assertThat(ok("progress")).isEqualTo("running=false");
    }

    /** Polls progress until the window is {@code millis} long; fails past {@code timeout}. */
    private void awaitElapsed(long millis, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String line = ok("progress"); elapsed(line) < millis; line = ok("progress")) {
            assertThat(System.nanoTime()).as("the window never reached " + millis + " ms: " + line).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long elapsed(String line) {
        int at = line.indexOf("elapsed_ms=");
        return at < 0 ? -1 : Long.parseLong(line.substring(at + 11).split(" ")[0]);
    }

    private String ok(String line) {
        Wire.Reply frame = agent.answer(line);
        assertThat(frame.ok()).as(line + ": " + frame.message()).isTrue();
        return frame.message();
    }
}
