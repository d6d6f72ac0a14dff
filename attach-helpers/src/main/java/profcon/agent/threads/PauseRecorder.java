package profcon.agent.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The pause view's data: a JFR recording of safepoints (begin, end, the VM operation that asked
 * for it) and garbage collections over a window, all at threshold 0. A recording rather than a
 * stream because stopping a recording flushes every event on every JDK from 17; its file lives
 * in the session directory only while it is read.
 *
 * <p>Reply lines: {@code S<TAB>start_epoch_ns<TAB>pause_ns<TAB>operation<TAB>sync_ns<TAB>threads}
 * per safepoint, {@code G<TAB>start_epoch_ns<TAB>sum_of_pauses_ns<TAB>name<TAB>cause<TAB>longest_pause_ns}
 * per collection.
 */
final class PauseRecorder {
    private static final AtomicInteger FILES = new AtomicInteger();
    private final Path dir;

    PauseRecorder(Path dir) {
        this.dir = dir;
    }

    byte[] record(Duration window) throws IOException, InterruptedException {
        Path file = dir.resolve("pauses-" + FILES.incrementAndGet() + ".jfr");
        try (Recording r = new Recording()) {
            r.setName("profcon-pauses");
            for (String event : new String[] {"jdk.SafepointBegin", "jdk.SafepointEnd", "jdk.ExecuteVMOperation",
                    "jdk.GarbageCollection"}) {
                r.enable(event).withThreshold(Duration.ZERO).withoutStackTrace();
            }
            r.start();
            Thread.sleep(window.toMillis()); // the window the user asked to watch
            r.stop();
            r.dump(file);
            return lines(file, window);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] lines(Path file, Duration window) throws IOException {
        Map<Long, RecordedEvent> begins = new HashMap<>();
        Map<Long, RecordedEvent> ends = new HashMap<>();
        Map<Long, String> operations = new HashMap<>();
        StringBuilder out = new StringBuilder("W\t" + window.toNanos() + "\n");
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            switch (e.getEventType().getName()) {
                case "jdk.SafepointBegin" -> begins.put(e.getLong("safepointId"), e);
                case "jdk.SafepointEnd" -> ends.put(e.getLong("safepointId"), e);
                case "jdk.ExecuteVMOperation" -> {
                    if (e.getBoolean("safepoint")) {
                        operations.merge(e.getLong("safepointId"), e.getString("operation"), (a, b) -> a + "+" + b);
                    }
                }
                case "jdk.GarbageCollection" -> out.append("G\t").append(nanos(e.getStartTime())).append('\t')
                        .append(e.getDuration("sumOfPauses").toNanos()).append('\t').append(e.getString("name"))
                        .append('\t').append(e.getString("cause")).append('\t')
                        .append(e.getDuration("longestPause").toNanos()).append('\n');
                default -> { }
            }
        }
        for (Map.Entry<Long, RecordedEvent> b : begins.entrySet()) {
            RecordedEvent end = ends.get(b.getKey());
            if (end == null) {
                continue;
            }
            RecordedEvent begin = b.getValue();
            long pause = Duration.between(begin.getStartTime(), end.getEndTime()).toNanos();
            out.append("S\t").append(nanos(begin.getStartTime())).append('\t').append(pause).append('\t')
                    .append(operations.getOrDefault(b.getKey(), "?")).append('\t')
                    .append(begin.getDuration().toNanos()).append('\t').append(begin.getInt("totalThreadCount"))
                    .append('\n');
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
