package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.attach.AgentException;
import profcon.attach.InMemoryChannel;
import profcon.attach.TargetGoneException;
import profcon.console.Progress;
import profcon.leakcheck.CheckThreadLeaks;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * The collection behind {@code profile}, on an in-memory channel whose agent profiles this JVM
 * (wall kind): a window of seconds runs on a test clock that each pause moves forward.
 */
@CheckThreadLeaks
class ProfileCollectionTest {
    private static final Request.Start START = new Request.Start("wall", Map.of("period", "10ms"));

    @TempDir
    Path dir;
    private InMemoryChannel channel;
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger pauses = new AtomicInteger();
    private final List<String> progress = new ArrayList<>();
    private int interruptAtPause = -1;

    @BeforeEach
    void channel() {
        channel = new InMemoryChannel(dir);
    }

    @AfterEach
    void close() {
        channel.close();
    }

    @Test
    void normalWindowStopsAtTheEndAndKeepsTheProfile() throws Exception {
        ProfileCollection.Outcome outcome = collection().collect(START, Duration.ofSeconds(3));

        assertThat(channel.sent()).containsExactly("start wall period=10ms", "progress", "progress", "progress", "stop");
        assertThat(outcome.ending()).isEmpty();
        assertThat(outcome.targetGone()).isFalse();
        assertThat(outcome.settings()).startsWith("period=10ms");
        assertThat(wall(outcome.profile()).sampleTypes()).anyMatch(t -> t.type().equals("wall"));
        assertThat(progress).hasSize(4).last().isEqualTo("done");
    }

    @Test
    void progressLinesCountTheSecondsAndTheAgentsEvents() throws Exception {
        channel.script(Request.Progress.class, r -> new Reply.Progress(true, "wall", Duration.ofSeconds(1), 12_345));

        collection().collect(START, Duration.ofSeconds(2).plusMillis(500));

        assertThat(progress).containsExactly("profiling: 1s elapsed, 1s to go, 12,345 events",
                "profiling: 2s elapsed, 0s to go, 12,345 events", "profiling: 2s elapsed, 0s to go, 12,345 events",
                "done");
    }

    @Test
    void aWindowTheAgentHasEndedIsStoppedAtOnce() throws Exception {
        // The agent's window began before its answer to start arrived; once it says the window is
        // over, the console stops without waiting out its own clock.
        channel.script(Request.Progress.class, r -> new Reply.Progress(true, "wall", Duration.ofSeconds(3), 300));

        ProfileCollection.Outcome outcome = collection().collect(START, Duration.ofSeconds(3));

        assertThat(channel.sent()).containsExactly("start wall period=10ms", "progress", "stop");
        assertThat(outcome.ending()).isEmpty();
    }

    @Test
    void ctrlCStopsEarlyAndKeepsWhatWasCollected() throws Exception {
        interruptAtPause = 3;

        ProfileCollection.Outcome outcome = collection().collect(START, Duration.ofSeconds(60));

        assertThat(channel.sent()).containsExactly("start wall period=10ms", "progress", "progress", "stop");
        assertThat(outcome.ending()).isEqualTo("stopped early (Ctrl-C); keeping what was collected");
        assertThat(outcome.targetGone()).isFalse();
        assertThat(wall(outcome.profile()).sampleTypes()).anyMatch(t -> t.type().equals("wall"));
    }

    @Test
    void targetDyingAfterASnapshotLeavesThatSnapshot() throws Exception {
        channel.before(r -> {
            if (channel.sent().contains("snapshot")) {
                channel.die();
            }
        });

        ProfileCollection.Outcome outcome = collection().collect(START, Duration.ofSeconds(60));

        assertThat(channel.sent()).containsSubsequence("progress", "snapshot").last().isEqualTo("snapshot");
        assertThat(outcome.targetGone()).isTrue();
        assertThat(outcome.ending()).isEqualTo("the target exited during the profile; keeping the data of its last "
                + "snapshot (up to 5 s before it exited)");
        assertThat(wall(outcome.profile()).sampleTypes()).anyMatch(t -> t.type().equals("wall"));
        assertThat(progress).last().isEqualTo("done");
    }

    @Test
    void targetDyingBeforeAnySnapshotLeavesNothing() {
        channel.before(r -> {
            if (pauses.get() == 3) {
                channel.die();
            }
        });

        assertThatThrownBy(() -> collection().collect(START, Duration.ofSeconds(60)))
                .isInstanceOf(TargetGoneException.class)
                .hasMessage("the target exited during the profile, before any data reached the console; nothing was "
                        + "collected");
        assertThat(channel.sent()).doesNotContain("snapshot", "stop");
        assertThat(progress).last().isEqualTo("done");
    }

    @Test
    void theAgentsRefusalComesBackWithItsReason() {
        Request.Start bad = new Request.Start("wall", Map.of("period", "0ms"));

        assertThatThrownBy(() -> collection().collect(bad, Duration.ofSeconds(3)))
                .isInstanceOf(AgentException.class).hasMessage("period must be between 1ms and 10s, got 0s");
        assertThat(channel.sent()).containsExactly("start wall period=0ms");
    }

    /** A collection on the test clock: each pause moves it forward (and lets the agent sample a little). */
    private ProfileCollection collection() {
        ProfileCollection.Pause pause = millis -> {
            if (pauses.incrementAndGet() == interruptAtPause) {
                throw new InterruptedException("Ctrl-C");
            }
            clock.addAndGet(millis * 1_000_000);
            Thread.sleep(Math.max(1, millis / 50)); // the test clock's pause: real time for the in-process agent to sample
        };
        Progress sink = new Progress() {
            @Override
            public void update(String line) {
                progress.add(line);
            }

            @Override
            public void done() {
                progress.add("done");
            }
        };
        return new ProfileCollection(channel, pause, sink, clock::get);
    }

    private static Profile wall(byte[] pprof) throws Exception {
        return PprofReader.parse(pprof, "the wall profile");
    }
}
