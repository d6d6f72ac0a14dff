package profcon.console.command;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.attach.TargetGoneException;
import profcon.console.Progress;
import profcon.engine.LiveSource;

/**
 * One live profile collected through an engine's {@link LiveSource} (the agent's channel, or the
 * native engine): starts it, reports progress every second, pulls a snapshot every few seconds
 * (where the engine keeps any), and stops it when the window ends. Ctrl-C (the pause hook
 * throwing InterruptedException) stops early and keeps what was collected; a target that dies
 * leaves what its engine wrote out at the exit, else the last snapshot, else a
 * {@link TargetGoneException} saying nothing was collected.
 */
final class ProfileCollection {
    static final long PROGRESS_EVERY_MS = 1_000;
    static final long SNAPSHOT_EVERY_MS = 5_000;
    static final String NOTHING_COLLECTED = "the target exited during the profile, before any data reached the "
            + "console; nothing was collected";

    /** Waits up to the given milliseconds; Ctrl-C shows as InterruptedException. */
    interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    /**
     * What came back: the pprof bytes, the settings the agent started with, how the collection
     * ended (empty when it ran its window), and whether the target is gone.
     */
    record Outcome(byte[] profile, String settings, String ending, boolean targetGone) {
    }

    private final AgentChannel channel;
    private final Pause pause;
    private final Progress progress;
    private final LongSupplier clock;
    private byte[] lastSnapshot;

    ProfileCollection(AgentChannel channel, Pause pause, Progress progress) {
        this(channel, pause, progress, System::nanoTime);
    }

    /** With its own clock: tests run a window of seconds in no time. */
    ProfileCollection(AgentChannel channel, Pause pause, Progress progress, LongSupplier clock) {
        this.channel = channel;
        this.pause = pause;
        this.progress = progress;
        this.clock = clock;
    }

    /** Starts {@code start} through the agent and collects for {@code window}; one collection per instance. */
    Outcome collect(Request.Start start, Duration window) throws IOException {
        return collect(new AgentSource(channel, start), window);
    }

    /** Starts {@code source} and collects for {@code window}; one collection per instance. */
    Outcome collect(LiveSource source, Duration window) throws IOException {
        String settings = source.start();
        try {
            poll(source, window);
        } catch (InterruptedException e) {
            progress.done();
            return new Outcome(source.stop(), settings, "stopped early (Ctrl-C); keeping what was collected", false);
        } catch (TargetGoneException e) {
            progress.done();
            byte[] left = source.leftAtExit();
            if (left != null) {
                return new Outcome(left, settings, "the target exited during the profile; keeping the samples its "
                        + "profiler wrote out as the JVM shut down", true);
            }
            if (lastSnapshot == null) {
                throw new TargetGoneException(source.nothingCollected(), e);
            }
            return new Outcome(lastSnapshot, settings, "the target exited during the profile; keeping the data of its "
                    + "last snapshot (up to " + SNAPSHOT_EVERY_MS / 1000 + " s before it exited)", true);
        }
        progress.done();
        return new Outcome(source.stop(), settings, "", false);
    }

    private void poll(LiveSource source, Duration window) throws IOException, InterruptedException {
        long start = clock.getAsLong();
        long end = start + window.toNanos();
        long nextSnapshot = start + SNAPSHOT_EVERY_MS * 1_000_000;
        for (long now = clock.getAsLong(); now < end; now = clock.getAsLong()) {
            pause.pause(Math.max(1, Math.min(PROGRESS_EVERY_MS, ceilMillis(end - now))));
            LiveSource.Progress p = source.progress();
            // The engine's window began before its answer to start got here: end by its clock, not later.
            end = Math.min(end, clock.getAsLong() + window.minus(p.elapsed()).toNanos());
            progress.update(progressLine(p.events(), clock.getAsLong() - start, window));
            if (clock.getAsLong() >= nextSnapshot && clock.getAsLong() < end) {
                byte[] snapshot = source.snapshot();
                lastSnapshot = snapshot == null ? lastSnapshot : snapshot;
                nextSnapshot = clock.getAsLong() + SNAPSHOT_EVERY_MS * 1_000_000;
            }
        }
    }

    /** Whole milliseconds, rounded up: a pause that ends a hair early would cost one more round of polling. */
    private static long ceilMillis(long nanos) {
        return (nanos + 999_999) / 1_000_000;
    }

    static String progressLine(long events, long elapsedNanos, Duration total) {
        long elapsed = Math.min(elapsedNanos / 1_000_000_000, total.toSeconds());
        String line = String.format(Locale.ROOT, "profiling: %ds elapsed, %ds to go", elapsed,
                Math.max(0, total.toSeconds() - elapsed));
        // the native engine counts its samples in the target and says nothing until the stop
        return events < 0 ? line : line + String.format(Locale.ROOT, ", %,d events", events);
    }
}
