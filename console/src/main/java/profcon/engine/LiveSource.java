package profcon.engine;

import java.io.IOException;
import java.time.Duration;

/**
 * One engine's side of a live profile, as the console's collection drives it: start, ask how far
 * it is, pull a snapshot, stop. Each call that finds the target gone throws
 * {@link profcon.attach.TargetGoneException}.
 */
public interface LiveSource {
    /** How far the profile is: time since it started by the engine's clock, and events so far (-1: unknown). */
    record Progress(Duration elapsed, long events) {
    }

    /** Starts the profile; returns the settings it runs with ("period=10ms"), possibly empty. */
    String start() throws IOException;

    Progress progress() throws IOException;

    /** The profile so far as pprof bytes, or null when this engine keeps no snapshots. */
    byte[] snapshot() throws IOException;

    /** Stops the profile and returns it as pprof bytes. */
    byte[] stop() throws IOException;

    /**
     * What the engine left behind when the target exited mid-profile, as pprof bytes, or null: an
     * engine whose data lives in the target may have written it out at the target's exit.
     */
    default byte[] leftAtExit() throws IOException {
        return null;
    }

    /** What is said when the target exits before any snapshot reached the console. */
    String nothingCollected();
}
