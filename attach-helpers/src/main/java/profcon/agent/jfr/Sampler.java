package profcon.agent.jfr;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordingStream;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Collector;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;

/**
 * One live profile being collected in the target: a JFR recording stream with only the
 * recipe's events enabled, aggregated as events arrive into a {@link StackProfile}.
 *
 * <p>The stream runs on one named thread ({@code profcon-sampler}) started by {@link #start}
 * and joined by {@link #stop}. It stops by itself after the options' maximum duration.
 */
final class Sampler implements Collector {
    private static final long NANOS_PER_MS = 1_000_000L;
    private final Recipe recipe;
    private final SamplingOptions options;
    private final StackProfile profile;
    private final AtomicLong flushes = new AtomicLong();
    private final LabelSpans spans = LabelSpans.live(); // touched only by the stream's thread
    private RecordingStream stream;
    private Thread thread;
    private long startNanos;
    private long startEpochNanos;
    private volatile long stopNanos;
    private volatile String endReason = "";
    private volatile long cpuNanos;

    Sampler(Recipe recipe, SamplingOptions options) {
        this.recipe = recipe;
        this.options = options;
        this.profile = recipe.newProfile(options);
        this.profile.comment("profcon: collected live with " + recipe.settings(options));
    }

    @Override
    public void start() {
        stream = new RecordingStream();
        // Ordered: a thread's labels events and its samples must come in time order to be joined.
        stream.setOrdered(true);
        stream.setReuse(true);
        for (Recipe.EventSetting e : recipe.events(options)) {
            enable(e);
            stream.onEvent(e.name(), event -> spans.feed(event, recipe, profile));
        }
        for (Recipe.EventSetting e : LabelSpans.events()) {
            enable(e);
            stream.onEvent(e.name(), spans::update);
        }
        stream.onFlush(this::onFlush);
        startNanos = System.nanoTime();
        startEpochNanos = System.currentTimeMillis() * NANOS_PER_MS;
        thread = new Thread(this::run, "profcon-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void enable(Recipe.EventSetting e) {
        EventSettings s = stream.enable(e.name());
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

    private void run() {
        try {
            stream.start();
        } finally {
            cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    /** CPU time this sampler's thread used: the agent's share of the profiling cost (JFR's own threads aside). */
    @Override
    public long cpuNanos() {
        long live = thread.isAlive() ? ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId()) : -1;
        return Math.max(live, cpuNanos);
    }

    private void onFlush() {
        flushes.incrementAndGet();
        if (stopNanos == 0 && System.nanoTime() - startNanos > options.maxDuration().toNanos()) {
            stopNanos = System.nanoTime();
            endReason = "stopped by the agent after its maximum of " + Durations.format(options.maxDuration());
            stream.close();
        }
    }

    @Override
    public String settings() {
        return recipe.settings(options);
    }

    @Override
    public String kind() {
        return recipe.kind();
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

    /** Stops the stream once the events recorded so far have been delivered, and returns the profile. */
    @Override
    public byte[] stop() throws InterruptedException {
        if (stopNanos == 0) {
            stopNanos = System.nanoTime();
            drainAndClose();
        }
        thread.join(5_000);
        if (!endReason.isEmpty()) {
            profile.comment("profcon: " + endReason);
        }
        return profile.encode(startEpochNanos, stopNanos - startNanos);
    }

    /** The profile collected so far; collection goes on. */
    @Override
    public byte[] snapshot() {
        return profile.encode(startEpochNanos, elapsed().toNanos());
    }

    /** Stops without waiting for pending events (the console is gone; nobody will read them). */
    @Override
    public void abort() throws InterruptedException {
        if (stopNanos == 0) {
            stopNanos = System.nanoTime();
        }
        stream.close();
        thread.join(5_000);
    }

    @Override
    public Thread thread() {
        return thread;
    }

    // JDK 20+ has RecordingStream.stop(), which delivers pending events; on 17 wait for a flush.
    private void drainAndClose() throws InterruptedException {
        try {
            Method stop = RecordingStream.class.getMethod("stop");
            stop.invoke(stream);
        } catch (NoSuchMethodException e) {
            long seen = flushes.get();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (flushes.get() < seen + 2 && System.nanoTime() < deadline && thread.isAlive()) {
                Thread.sleep(20); // JFR flushes about once a second; no callback can be awaited more directly
            }
        } catch (ReflectiveOperationException e) {
            // stop() failed; closing still ends the recording, at worst dropping the last second
        }
        stream.close();
    }
}
