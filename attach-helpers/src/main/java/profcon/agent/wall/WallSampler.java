package profcon.agent.wall;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.encoding.ThreadNames;
import profcon.agent.labels.ApplicationLabels;
import profcon.agent.profile.Collector;
import profcon.agent.profile.SamplingOptions;

/**
 * Collects the wall profile: a {@code profcon-wall} thread that, every period, takes the stacks
 * of up to {@link #THREADS_PER_TICK} platform threads (rotating through them when there are more)
 * and adds each as one sample weighted by its share of the wall time since the previous tick,
 * labelled with the thread's name, pool, state and the application's labels it has at that tick.
 */
final class WallSampler implements Collector {
    static final int THREADS_PER_TICK = 200;
    static final int MAX_DEPTH = 64;
    private static final String[] NONE = new String[0];
    private static final StackProfile.Frame TRUNCATED = new StackProfile.Frame("[truncated]", "", 0);
    private final WallKind kind;
    private final SamplingOptions options;
    private final StackProfile profile;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long cpuNanos;
    private long startNanos;
    private long startEpochNanos;
    private volatile long stopNanos;
    private int cursor;

    WallSampler(WallKind kind, SamplingOptions options) {
        this.kind = kind;
        this.options = options;
        this.profile = kind.newProfile(options);
        this.thread = new Thread(this::run, "profcon-wall");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        // the labels lookup (once per session) before the window opens: on a starved target it must not eat ticks
        ApplicationLabels.now();
        profile.comment(ApplicationLabels.describe());
        startNanos = System.nanoTime();
        startEpochNanos = System.currentTimeMillis() * 1_000_000L;
        thread.start();
    }

    private void run() {
        long period = options.period().toNanos();
        long next = System.nanoTime();
        long previous = next - period;
        try {
            while (running) {
                long now = System.nanoTime();
                // Weight by the time since the last tick, not the nominal period: on an overloaded
                // target this thread waits for a core too, and missed ticks must not shrink wall time.
                tick(now - previous);
                previous = now;
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the sampling period itself
                } else {
                    next = System.nanoTime(); // a slow tick: skip the missed ones rather than burst
                }
                if (System.nanoTime() - startNanos > options.maxDuration().toNanos()) {
                    running = false;
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts the sleep
        } finally {
            cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    private void tick(long elapsed) {
        List<Thread> all = liveThreads();
        List<Thread> batch = nextBatch(all);
        if (batch.isEmpty()) {
            return;
        }
        long weight = elapsed * all.size() / batch.size();
        // read just before the stacks: a label change racing with this tick lands on one side of it
        Map<Long, String[]> userLabels = ApplicationLabels.now();
        for (ThreadStacks.Snapshot s : ThreadStacks.take(batch, MAX_DEPTH)) {
            String[] labels = JfrStacks.concat(new String[] {"thread", s.name(), "pool", ThreadNames.pool(s.name()),
                    "thread_kind", "platform", "state", s.state().name()}, userLabels.getOrDefault(s.id(), NONE));
            profile.add(frames(s.stack()), labels, 1, weight);
        }
    }

    private List<Thread> nextBatch(List<Thread> all) {
        if (all.size() <= THREADS_PER_TICK) {
            return all;
        }
        List<Thread> batch = new ArrayList<>(THREADS_PER_TICK);
        for (int i = 0; i < THREADS_PER_TICK; i++) {
            batch.add(all.get((cursor + i) % all.size()));
        }
        cursor = (cursor + THREADS_PER_TICK) % all.size();
        return batch;
    }

    /** Live platform threads except profcon's own; enumerating a thread group takes no safepoint. */
    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        List<Thread> live = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!threads[i].getName().startsWith("profcon-")) {
                live.add(threads[i]);
            }
        }
        return live;
    }

    private static List<StackProfile.Frame> frames(StackTraceElement[] stack) {
        List<StackProfile.Frame> frames = new ArrayList<>(stack.length + 1);
        for (StackTraceElement e : stack) {
            frames.add(new StackProfile.Frame(e.getClassName(), e.getMethodName(), Math.max(0, e.getLineNumber())));
        }
        if (stack.length == MAX_DEPTH) {
            frames.add(TRUNCATED);
        }
        return frames;
    }

    @Override
    public String kind() {
        return kind.kind();
    }

    @Override
    public long events() {
        return profile.events();
    }

    @Override
    public Duration elapsed() {
        long end = stopNanos != 0 ? stopNanos : System.nanoTime();
        return Duration.ofNanos(end - startNanos);
    }

    @Override
    public String settings() {
        // How stacks are taken depends on the target's JDK, known only here in the target.
        return kind.settings(options) + " stacks_by=" + ThreadStacks.method();
    }

    @Override
    public byte[] stop() throws InterruptedException {
        abort();
        return profile.encode(startEpochNanos, stopNanos - startNanos);
    }

    @Override
    public byte[] snapshot() {
        return profile.encode(startEpochNanos, elapsed().toNanos());
    }

    @Override
    public void abort() throws InterruptedException {
        if (stopNanos == 0) {
            stopNanos = System.nanoTime();
        }
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    @Override
    public long cpuNanos() {
        long live = thread.isAlive() ? ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId()) : -1;
        return Math.max(live, cpuNanos);
    }

    @Override
    public Thread thread() {
        return thread;
    }
}
