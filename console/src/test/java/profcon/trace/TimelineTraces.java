package profcon.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Traces built in code for the timeline's tests: a small one with every feature, a large one for scale. */
final class TimelineTraces {
    static final long MS = 1_000_000L;
    static final String LOCK = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
    static final List<String> LOCK_STACK = List.of("jdk.internal.misc.Unsafe.park:-1",
            "java.util.concurrent.locks.ReentrantLock.lock:322", "com.example.OrderService.place:42",
            "com.example.OrderController.post:17");
    static final List<String> RUN_STACK = List.of("com.example.Pricing.total:88", "com.example.OrderController.post:15");

    private TimelineTraces() {
    }

    /**
     * Two seconds, four groups (exec threads numbered so natural order matters), every state, a GC
     * pause and a safepoint, a thread started and ended inside the window, a virtual thread, and a
     * thread whose spans are far shorter than a pixel.
     */
    static Trace small() {
        List<TraceThread> threads = List.of(
                thread("http-exec-10", "http-exec", 31, 4010, false, -1, -1,
                        span(0, 2000, ThreadState.WAIT, "java.util.concurrent.LinkedBlockingQueue", List.of())),
                thread("http-exec-2", "http-exec", 22, 4002, false, -1, -1,
                        span(0, 400, ThreadState.RUNNING, "", RUN_STACK),
                        span(400, 1300, ThreadState.LOCK, LOCK, LOCK_STACK),
                        span(1300, 2000, ThreadState.RUNQUEUE, "", RUN_STACK)),
                thread("http-exec-1", "http-exec", 21, 4001, false, -1, -1,
                        span(0, 1000, ThreadState.IO, "socket read 10.0.0.5:5432", List.of("sun.nio.ch.Net.poll:-1")),
                        span(1000, 1120, ThreadState.PAUSED, "G1 Evacuation Pause", List.of()),
                        span(1120, 2000, ThreadState.SLEEP, "Thread.sleep 880 ms", List.of("java.lang.Thread.sleep:-1"))),
                thread("batch-short", "batch", 40, 4040, false, 500 * MS, 900 * MS,
                        span(500, 900, ThreadState.RUNNING, "", RUN_STACK)),
                thread("order-42", "virtual", 4242, 0, true, -1, -1,
                        span(0, 2000, ThreadState.IDLE, "", List.of())),
                thread("spinner", "batch", 41, 4041, false, -1, -1, flicker()));
        List<TracePause> pauses = List.of(
                new TracePause(1000 * MS, 1120 * MS, "gc", "G1 Young Generation: G1 Evacuation Pause"),
                new TracePause(1500 * MS, 1503 * MS, "safepoint", "ThreadDump"));
        return new Trace("checkout.jfr", Instant.parse("2026-12-05T10:00:00Z"), 2000 * MS, threads, pauses);
    }

    // 0.3 ms running then 0.7 ms on a lock, a thousand times: at full view each pixel is mostly lock.
    private static List<TraceSpan> flicker() {
        List<TraceSpan> spans = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long at = i * 2 * MS;
            spans.add(new TraceSpan(at, at + 300_000, ThreadState.RUNNING, "", RUN_STACK));
            spans.add(new TraceSpan(at + 300_000, at + MS, ThreadState.LOCK, LOCK, LOCK_STACK));
        }
        return spans;
    }

    /**
     * {@code count} threads in 20 pools over {@code seconds}, each with {@code spansPerThread} spans
     * cycling through the states, and a GC pause every second: the scale the page is built for.
     */
    static Trace large(int count, int seconds, int spansPerThread) {
        long length = seconds * 1000 * MS;
        List<TraceThread> threads = new ArrayList<>();
        ThreadState[] states = ThreadState.values();
        for (int t = 0; t < count; t++) {
            List<TraceSpan> spans = new ArrayList<>(spansPerThread);
            long step = length / spansPerThread;
            for (int i = 0; i < spansPerThread; i++) {
                ThreadState s = states[(i + t) % states.length];
                spans.add(new TraceSpan(i * step, (i + 1) * step, s, s == ThreadState.LOCK ? LOCK : "",
                        s == ThreadState.LOCK ? LOCK_STACK : RUN_STACK));
            }
            threads.add(new TraceThread("pool-" + (t % 20) + "-thread-" + t, "pool-" + (t % 20), t + 1, 10_000 + t,
                    false, -1, -1, spans));
        }
        List<TracePause> pauses = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            pauses.add(new TracePause(s * 1000 * MS + 500 * MS, s * 1000 * MS + 520 * MS, "gc", "G1 Young"));
        }
        return new Trace("large.jfr", Instant.parse("2026-12-05T10:00:00Z"), length, threads, pauses);
    }

    private static TraceThread thread(String name, String group, long javaId, long osId, boolean virtual,
            long started, long ended, TraceSpan... spans) {
        return thread(name, group, javaId, osId, virtual, started, ended, List.of(spans));
    }

    private static TraceThread thread(String name, String group, long javaId, long osId, boolean virtual,
            long started, long ended, List<TraceSpan> spans) {
        return new TraceThread(name, group, javaId, osId, virtual, started, ended, spans);
    }

    private static TraceSpan span(long fromMs, long toMs, ThreadState state, String detail, List<String> stack) {
        return new TraceSpan(fromMs * MS, toMs * MS, state, detail, stack);
    }
}
