package profcon.agent.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The target's native thread ids joined to Java thread ids and names ({@code thread-ids}), so the
 * console can name what {@code /proc/PID/task/TID} measures. The source is JFR's periodic
 * {@code jdk.ThreadAllocationStatistics} event, which lists every Java thread (hidden ones too:
 * compiler threads) with its OS thread id while walking the thread list under a handle, not at a
 * safepoint: a recording started and stopped at once emits it once, at its end.
 */
public final class NativeThreadIds {
    private static final String EVENT = "jdk.ThreadAllocationStatistics";
    private final Path dir;

    /** {@code dir} is the session directory, where the short recording is written and deleted. */
    public NativeThreadIds(Path dir) {
        this.dir = dir;
    }

    /** One line per Java thread: {@code native-tid java-tid kind name}, kind {@code java} or {@code jvm} (hidden). */
    public byte[] take() throws IOException {
        Path file = Files.createTempFile(dir, "thread-ids-", ".jfr");
        try {
            try (Recording r = new Recording()) {
                r.setName("profcon thread-ids");
                r.enable(EVENT).with("period", "endChunk");
                r.start();
                r.stop();
                r.dump(file);
            }
            return lines(file, visibleIds());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] lines(Path file, Set<Long> visible) throws IOException {
        StringBuilder out = new StringBuilder();
        Set<Long> seen = new HashSet<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals(EVENT)) {
                continue; // a dump holds every recording's events of its time: a trace or the user's own may run
            }
            RecordedThread t = e.getThread("thread");
            if (t == null || t.getOSThreadId() <= 0 || !seen.add(t.getOSThreadId())) {
                continue;
            }
            String kind = visible.contains(t.getJavaThreadId()) ? "java" : "jvm";
            String name = t.getJavaName() == null ? t.getOSName() : t.getJavaName();
            out.append(t.getOSThreadId()).append(' ').append(t.getJavaThreadId()).append(' ').append(kind)
                    .append(' ').append(String.valueOf(name).replace('\n', ' ')).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The ids of the threads an application can see: a hidden thread (a compiler thread) is the JVM's own. */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+, the agent runs on 17
    private static Set<Long> visibleIds() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int n = root.enumerate(threads, true);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(threads[i].getId());
        }
        return ids;
    }
}
