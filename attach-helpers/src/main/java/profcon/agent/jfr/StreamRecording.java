package profcon.agent.jfr;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordingStream;

/**
 * A recording stream together with the JFR recording it runs on, which {@link RecordingStream}
 * does not expose: it is the recording that appeared when the stream was made. Knowing it tells
 * when recording really began (a stream starts up in 50 to 250 ms, more on a JVM's first use of
 * JFR), the first instant of the profile's window.
 */
final class StreamRecording implements FlightRecorderListener {
    private final RecordingStream stream;
    private final Recording recording; // null if another recording appeared at the same moment
    private final CountDownLatch running = new CountDownLatch(1);

    private StreamRecording(RecordingStream stream, Recording recording) {
        this.stream = stream;
        this.recording = recording;
    }

    /** A new stream, not started; listens for its recording to start until {@link #awaitStart}. */
    static StreamRecording open() {
        Set<Long> before = new HashSet<>();
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            before.add(r.getId());
        }
        RecordingStream stream = new RecordingStream();
        Recording made = null;
        int appeared = 0;
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (!before.contains(r.getId())) {
                made = r;
                appeared++;
            }
        }
        StreamRecording s = new StreamRecording(stream, appeared == 1 ? made : null);
        FlightRecorder.addListener(s);
        return s;
    }

    RecordingStream stream() {
        return stream;
    }

    @Override
    public void recordingStateChanged(Recording r) {
        if (r == recording && r.getState() == RecordingState.RUNNING) {
            running.countDown();
        }
    }

    /**
     * Waits until the stream's recording runs and returns the instant it started; {@code fallback}
     * when that recording is unknown or not running within {@code timeout}.
     */
    Instant awaitStart(Duration timeout, Instant fallback) throws InterruptedException {
        try {
            if (recording != null && running.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                Instant start = recording.getStartTime();
                // with another recording running, JFR gives the running chunk's start, seconds before this one's
                return start == null || start.isBefore(fallback) ? fallback : start;
            }
            return fallback;
        } finally {
            FlightRecorder.removeListener(this);
        }
    }
}
