package profcon.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a .jfr file (a {@code trace}'s, or any recording) into a {@link Trace}: per thread, the wait
 * events' states ({@link WaitEvents}), RUNQUEUE and RUNNING from profcon's sched snapshots joined by
 * OS thread id (RUNNING from one sampling period per execution sample for a thread without them),
 * thread starts and ends, and the pauses ({@link PauseEvents}). The window runs from the first
 * event to the last.
 */
public final class TraceReader {
    /** The sampling period a cpu sample stands for: profcon's cpu period, which {@code trace} records at. */
    static final long SAMPLE_NANOS = Duration.ofMillis(10).toNanos();
    /** The prefix of the agent's thread names: left out of the trace, and counted in its notes. */
    private static final String OWN_THREADS = "profcon-";
    /** Spans kept at most; beyond it they are counted and the trace's notes say so. */
    static final int MAX_SPANS = 1_000_000;
    /** Frames kept per span, innermost first. */
    static final int STACK_DEPTH = 8;

    private final Map<String, ThreadTrack> threads = new LinkedHashMap<>();
    private final Map<Long, String> keyByOs = new HashMap<>();
    private final List<RecordedEvent> sched = new ArrayList<>();
    private final PauseEvents pauses = new PauseEvents();
    private final List<String> notes = new ArrayList<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private int spans;
    private int dropped;

    private TraceReader() {
    }

    /** The trace in {@code file}; a corrupt or truncated file is one IOException line. */
    public static Trace read(Path file) throws IOException {
        TraceReader r = new TraceReader();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                r.accept(recording.readEvent());
            }
        } catch (IOException | RuntimeException | InternalError e) {
            throw new IOException("cannot read " + file + " as a trace: it is corrupt or truncated ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return r.finish(file.getFileName().toString());
    }

    private void accept(RecordedEvent e) {
        long start = nanos(e.getStartTime());
        long end = nanos(e.getEndTime());
        first = Math.min(first, end > start ? end : start); // a wait begun before the window does not widen it
        last = Math.max(last, end);
        String type = e.getEventType().getName();
        if (type.equals("jdk.ExecutionSample")) {
            sample(e.getThread("sampledThread"), start, e);
        } else if (WaitEvents.isWait(type)) {
            span(e.getThread(), start, end, WaitEvents.state(e), WaitEvents.detail(e), e);
        } else if (type.equals("jdk.ThreadStart")) {
            track(e.getThread("thread")).started = start;
        } else if (type.equals("jdk.ThreadEnd")) {
            track(e.getThread("thread")).ended = start;
        } else if (type.equals("profcon.SchedSnapshot")) {
            sched.add(e);
        } else if (type.equals("profcon.SchedWindow")) {
            notes.addAll(SchedNotes.of(e));
        } else {
            pauses.accept(e);
        }
    }

    private void span(RecordedThread thread, long start, long end, ThreadState state, String detail, RecordedEvent e) {
        if (thread == null || state == null || !bounded()) {
            return;
        }
        track(thread).add(new ThreadTrack.Raw(start, end, state, detail, stack(e.getStackTrace())));
    }

    private void sample(RecordedThread thread, long at, RecordedEvent e) {
        if (thread != null && bounded()) {
            track(thread).sample(at, stack(e.getStackTrace()));
        }
    }

    private boolean bounded() {
        if (spans >= MAX_SPANS) {
            dropped++;
            return false;
        }
        spans++;
        return true;
    }

    private ThreadTrack track(RecordedThread t) {
        long javaId = t.getJavaThreadId();
        String key = javaId > 0 ? "j" + javaId : "o" + t.getOSThreadId();
        ThreadTrack track = threads.computeIfAbsent(key, k -> new ThreadTrack(t.getJavaName(), javaId,
                t.getOSThreadId(), isVirtual(t)));
        track.learn(t.getJavaName(), t.getOSThreadId());
        if (t.getOSThreadId() > 0) {
            keyByOs.putIfAbsent(t.getOSThreadId(), key);
        }
        return track;
    }

    // RecordedThread.isVirtual() is JDK 21+; JFR puts every virtual thread in this group on 21 and 25
    private static boolean isVirtual(RecordedThread t) {
        return t.getThreadGroup() != null && "VirtualThreads".equals(t.getThreadGroup().getName());
    }

    private static List<String> stack(RecordedStackTrace trace) {
        if (trace == null) {
            return List.of();
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : trace.getFrames()) {
            if (frames.size() == STACK_DEPTH) {
                break;
            }
            frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber());
        }
        return frames;
    }

    /** Each sched snapshot onto the thread with its OS id (a thread JFR never saw gets the snapshot's name). */
    private void joinSched() {
        for (RecordedEvent e : sched) {
            long os = e.getLong("osThreadId");
            String key = keyByOs.computeIfAbsent(os, id -> "o" + id);
            ThreadTrack track = threads.computeIfAbsent(key, k -> new ThreadTrack(e.getString("threadName"), 0, os,
                    false));
            long to = nanos(e.getInstant("readAt")); // when the console read /proc, not when the agent got it
            track.sched(to - e.getLong("intervalNanos"), to, e.getLong("runQueueNanos"), e.getLong("cpuNanos"));
        }
    }

    private Trace finish(String source) {
        joinSched();
        if (first == Long.MAX_VALUE) {
            return new Trace(source, Instant.EPOCH, 0, List.of(), List.of(), List.of("no events"));
        }
        long length = Math.max(0, last - first);
        List<TraceThread> out = new ArrayList<>();
        int own = 0;
        for (ThreadTrack t : threads.values()) {
            TraceThread thread = t.toThread(first, length, SAMPLE_NANOS);
            // the agent's own threads (its channel waits in I/O the whole window): not the application's time
            if (thread.name() != null && thread.name().startsWith(OWN_THREADS)) {
                own++;
            } else {
                out.add(thread);
            }
        }
        if (own > 0) {
            notes.add(own + " of profcon's own threads (" + OWN_THREADS + "*) left out");
        }
        out.sort(Comparator.comparing(TraceThread::group).thenComparing(TraceThread::name)
                .thenComparingLong(TraceThread::javaId));
        if (dropped > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "%,d spans over the reader's bound of %,d were left out",
                    dropped, MAX_SPANS));
        }
        return new Trace(source, Instant.ofEpochSecond(0, first), length, out, pauses.pauses(first, length), notes);
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
