package profcon.agent.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.EventSettings;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import profcon.agent.jfr.Recipe;

/**
 * One trace in the target: a JFR recording of the window ({@link TraceEvents}) written to a file in
 * the session directory, into which the console's sched readings are committed as they come. The
 * recording ends itself a grace period after its window if the console never says stop, and is
 * written out if the target exits mid-trace.
 */
public final class TraceRecorder {
    // time for the console's last reading and its stop to arrive before the recording ends itself
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final AtomicInteger FILES = new AtomicInteger();
    private final Path dir;
    private Recording recording;
    private Path file;

    /** {@code dir} is the session directory, the only place the file may go. */
    public TraceRecorder(Path dir) {
        this.dir = dir;
    }

    /** Starts the recording of {@code window}; the file it will be written to. */
    public Path start(Duration window) throws IOException {
        if (recording != null) {
            throw new IllegalStateException("a trace is already being recorded");
        }
        Path to = dir.resolve("trace-" + FILES.incrementAndGet() + ".jfr");
        Recording r = new Recording();
        r.setName("profcon-trace");
        TraceEvents.settings().values().forEach(e -> enable(r, e));
        r.enable(SchedSnapshot.class);
        r.enable(SchedLimits.class);
        r.setToDisk(true);
        r.setDestination(to);
        r.setDumpOnExit(true); // a target that exits mid-trace still leaves the window so far
        r.setDuration(window.plus(GRACE));
        r.start();
        recording = r;
        file = to;
        return to;
    }

    private static void enable(Recording r, Recipe.EventSetting e) {
        EventSettings s = r.enable(e.name());
        if (e.period() != null) {
            s.withPeriod(e.period());
        }
        if (e.threshold() != null) {
            s.withThreshold(e.threshold());
        }
        if (e.stackTrace()) {
            s.withStackTrace();
        } else {
            s.withoutStackTrace();
        }
    }

    /** Commits one sched snapshot per row (as {@link SchedRows#snapshot} reads it); how many. */
    public int sched(long intervalNanos, long readAtMillis, List<String> rows) {
        running();
        rows.forEach(row -> SchedRows.snapshot(intervalNanos, readAtMillis, row).commit());
        return rows.size();
    }

    /** Commits the window's CPU limits and throttling (keys as {@link SchedRows#limits} reads them). */
    public void limits(Map<String, String> fields) {
        running();
        SchedRows.limits(fields).commit();
    }

    /** Stops the recording and writes its file; the file. */
    public Path stop() {
        Recording r = running();
        try {
            if (r.getState() == RecordingState.RUNNING) {
                r.stop(); // writes the destination; one that ended itself has written it already
            }
        } finally {
            r.close();
            recording = null;
        }
        return file;
    }

    /** Ends a trace the console will not collect (it is gone): nothing keeps recording. */
    public void abort() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
    }

    private Recording running() {
        if (recording == null) {
            throw new IllegalStateException("no trace is being recorded");
        }
        return recording;
    }
}
