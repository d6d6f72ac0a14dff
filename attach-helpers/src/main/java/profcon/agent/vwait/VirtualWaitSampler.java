package profcon.agent.vwait;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.encoding.ThreadNames;
import profcon.agent.labels.ApplicationLabels;
import profcon.agent.profile.Durations;

/**
 * Samples the waits of virtual threads, for which JFR emits no park or monitor-enter event: a
 * {@code profcon-vwait} thread that, at once and then every period, takes a thread dump of the
 * virtual threads ({@link VirtualThreadDump}) and adds each waiting one the recipe keeps as one
 * sample weighted by the time to the next dump, or to the window's end (sampled waiting time), into
 * the profile the JFR part fills too.
 *
 * <p>It bounds its own cost: after each dump it waits long enough that its CPU stays under
 * {@link #BUDGET} of one core, lowering its rate on a JVM with many virtual threads, and says so
 * in the profile's comments.
 */
public final class VirtualWaitSampler {
    /** Share of one core this sampler may use. */
    public static final double BUDGET = 0.02;
    /** Stack depth kept, as JFR's default. */
    static final int MAX_DEPTH = 64;
    /** The comment the console's summary quotes. */
    public static final String COMMENT = "profcon virtual threads: ";
    private static final String[] NONE = new String[0];
    private static final StackProfile.Frame TRUNCATED = new StackProfile.Frame("[truncated]", "", 0);

    /** What a recipe makes of one waiting virtual thread: its labels, or null to leave it out. */
    public interface Classifier {
        String[] labels(VirtualWaiter waiter, List<StackProfile.Frame> trimmed);
    }

    private final VirtualThreadDump dump;
    private final long periodNanos;
    private final StackProfile profile;
    private final UnaryOperator<List<StackProfile.Frame>> shape;
    private final Classifier classifier;
    private final Thread thread;
    private final SamplerStats stats = new SamplerStats();
    private volatile boolean running = true;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private long startNanos;
    private long stopNanos;
    private volatile long cpuNanos;
    private volatile String failure;
    private List<Pending> pending = List.of();
    private long pendingAtNanos;

    /** One waiting virtual thread of the last dump, until its weight is known. */
    private record Pending(List<StackProfile.Frame> frames, String[] labels) {
    }

    public VirtualWaitSampler(Path dir, Duration period, StackProfile profile, UnaryOperator<List<StackProfile.Frame>> shape,
            Classifier classifier) {
        this.dump = new VirtualThreadDump(dir);
        this.periodNanos = period.toNanos();
        this.profile = profile;
        this.shape = shape;
        this.classifier = classifier;
        this.thread = new Thread(this::run, "profcon-vwait");
        this.thread.setDaemon(true);
    }

    /** True on JVMs with virtual threads to sample (JDK 21+). */
    public static boolean available() {
        return VirtualThreadDump.available();
    }

    /**
     * The comment a wait profile gets on a JVM running virtual threads when they were not sampled:
     * the sampler is opt-in because the JDK's thread snapshot it relies on crashed a JDK 25.0.3
     * target during a virtual thread's mount (docs/virtual-threads.md, "Safety").
     */
    public static String notSampled() {
        return COMMENT + "their parks and monitor waits were NOT sampled (JFR has no event for them): the sampler "
                + "takes up to 10 JDK thread dumps a second, and that dump crashed a JDK 25.0.3 target during virtual-thread "
                + "mounts, once in 25 minutes of sampling (JDK-8364343, JDK-8392031); add vthreads=sample to sample them "
                + "at that risk";
    }

    /** The settings, as {@code info} and the console's summary show them. */
    public static String settings(Duration period) {
        return "vthreads=sampled every " + Durations.format(period) + " (cpu<=" + Math.round(BUDGET * 100) + "%)";
    }

    public void start(Duration maxDuration) {
        startNanos = System.nanoTime();
        deadlineNanos = startNanos + maxDuration.toNanos();
        thread.start();
    }

    /** Takes no dump past {@code length} from now, the window's planned end. */
    public void endAfter(Duration length) {
        deadlineNanos = Math.min(deadlineNanos, System.nanoTime() + length.toNanos());
    }

    private void run() {
        var mx = ManagementFactory.getThreadMXBean();
        long wait = 0; // the first census at once, so even a short window has one
        try {
            while (running) {
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the sampling period itself
                }
                long now = System.nanoTime();
                if (now >= deadlineNanos) {
                    break;
                }
                long cpu = mx.getCurrentThreadCpuTime();
                int waiting = census(now);
                long cost = mx.getCurrentThreadCpuTime() - cpu;
                // cost / (wait + cost) <= BUDGET: on a JVM with many virtual threads the dumps get rarer
                wait = Math.max(periodNanos, (long) (cost / BUDGET) - cost);
                stats.dump(cost, waiting, wait > periodNanos ? wait : 0);
            }
        } catch (InterruptedException e) {
            // stop() interrupts the sleep
        } catch (IOException | RuntimeException e) {
            failure = "sampling stopped: " + e;
        } finally {
            cpuNanos = mx.getCurrentThreadCpuTime();
        }
    }

    /**
     * One dump taken at {@code now}: the previous one's waits are added, weighted by the time from it
     * to this one, and this one's are kept until the next (or the stop) says how long they stand for.
     * Returns how many virtual threads waited.
     */
    private int census(long now) throws IOException {
        List<VirtualWaiter> waiters = dump.take();
        // read just after the dump: a label change racing with it lands on one side of it
        Map<Long, String[]> userLabels = ApplicationLabels.now();
        List<Pending> found = new ArrayList<>();
        for (VirtualWaiter w : waiters) {
            List<StackProfile.Frame> trimmed = shape.apply(w.frames());
            String[] labels = classifier.labels(w, trimmed);
            if (labels != null) {
                String[] thread = {"thread", w.name(), "pool", ThreadNames.pool(w.name()), "thread_kind", "virtual"};
                found.add(new Pending(cut(trimmed), JfrStacks.concat(JfrStacks.concat(thread, labels),
                        userLabels.getOrDefault(w.id(), NONE))));
            }
        }
        flush(now);
        synchronized (this) {
            pending = found;
            pendingAtNanos = now;
        }
        return waiters.size();
    }

    /** Adds the last dump's waits, each weighted by the time from that dump to {@code until}. */
    private synchronized void flush(long until) {
        long weight = until - pendingAtNanos;
        if (weight > 0) {
            for (Pending p : pending) {
                profile.add(p.frames, p.labels, 1, weight);
            }
        }
        pending = List.of();
    }

    private static List<StackProfile.Frame> cut(List<StackProfile.Frame> frames) {
        if (frames.size() <= MAX_DEPTH) {
            return frames;
        }
        List<StackProfile.Frame> cut = new ArrayList<>(frames.subList(0, MAX_DEPTH));
        cut.add(TRUNCATED);
        return cut;
    }

    /** Stops, joins the thread, and writes what was sampled, how, and at what cost into the profile's comments. */
    public void stop() throws InterruptedException {
        long now = System.nanoTime();
        running = false;
        thread.interrupt();
        thread.join(10_000);
        stopNanos = Math.min(now, deadlineNanos);
        flush(stopNanos);
        profile.comment(COMMENT + describe());
    }

    /** What the sampled part was, for the profile's comments and the console's summary. */
    String describe() {
        String what = String.format(Locale.ROOT, "parks and monitor waits sampled every %s by dumpThreads "
                + "(no global safepoint; JFR has no event for them), weight = time to the next dump, so the resolution "
                + "is one period; %s", Durations.format(Duration.ofNanos(periodNanos)),
                stats.describe(BUDGET, stopNanos - startNanos));
        return failure == null ? what : what + "; " + failure;
    }

    public long cpuNanos() {
        long live = thread.isAlive() ? ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId()) : -1;
        return Math.max(live, cpuNanos);
    }

    public Thread thread() {
        return thread;
    }
}
