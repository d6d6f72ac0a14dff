package profcon.agent.jfr;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.consumer.RecordingStream;
import profcon.agent.encoding.StackProfile;

/**
 * What one JFR event costs the agent's stream thread, per recipe: a live {@link RecordingStream}
 * set up as {@link Sampler} sets it up (ordered, reused events), fed by two threads that park on
 * a queue-like object and on a contended {@link ReentrantLock} a few levels down the stack, once
 * with a handler that does nothing (JFR's own parsing and dispatch) and once per recipe. Prints the
 * stream thread's CPU per event for each. Not a test. Args: {@code [SECONDS]} per measurement (5).
 */
public final class EventCostBench {
    private EventCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        AtomicBoolean stop = new AtomicBoolean();
        ReentrantLock lock = new ReentrantLock();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> work(stop, lock, 12), "event-cost-worker-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.printf(Locale.ROOT, "JDK %s, %d s per line; stream thread CPU per jdk.ThreadPark event%n",
                Runtime.version(), seconds);
        measure("none (JFR parsing only)", null, seconds);
        for (Recipe r : List.of(new LockRecipe(), new BlockRecipe())) {
            measure(r.kind(), r, seconds);
        }
        stop.set(true);
    }

    private static void work(AtomicBoolean stop, ReentrantLock lock, int depth) {
        if (depth > 0) {
            work(stop, lock, depth - 1);
            return;
        }
        long n = 0;
        while (!stop.get()) {
            if ((++n & 7) == 0) {
                lock.lock(); // contended now and then: some parks are on a lock
                try {
                    LockSupport.parkNanos(20_000);
                } finally {
                    lock.unlock();
                }
            } else {
                LockSupport.parkNanos(20_000); // most parks are not (as in a service: queues, futures, I/O)
            }
        }
    }

    private static void measure(String name, Recipe recipe, int seconds) throws Exception {
        StackProfile profile = recipe == null ? null : recipe.newProfile(recipe.defaults());
        AtomicLong events = new AtomicLong();
        try (RecordingStream rs = new RecordingStream()) {
            rs.setOrdered(true);
            rs.setReuse(true);
            rs.enable(LockRecipe.PARK).withThreshold(Duration.ZERO).withStackTrace();
            rs.onEvent(LockRecipe.PARK, e -> {
                events.incrementAndGet();
                if (recipe != null) {
                    recipe.accept(e, profile);
                }
            });
            Thread stream = new Thread(rs::start, "event-cost-stream");
            stream.start();
            Thread.sleep(2_000); // the stream's start-up and the JIT's warm-up are not what is measured
            var mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getThreadCpuTime(stream.getId());
            long n0 = events.get();
            Thread.sleep(seconds * 1_000L);
            long cpu = mx.getThreadCpuTime(stream.getId()) - cpu0;
            long n = events.get() - n0;
            System.out.printf(Locale.ROOT, "%-24s %,8d events/s  %5.2f us/event%s%n", name, n / seconds, cpu / 1e3 / n,
                    profile == null ? "" : String.format(Locale.ROOT, "  (%d distinct samples, memo %d hits / %d misses)",
                            profile.distinctSamples(), profile.memo().hits(), profile.memo().misses()));
        }
    }
}
