package profcon.agent.jfr;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.EventSettings;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import profcon.agent.encoding.StackProfile;
import profcon.agent.labels.ApplicationLabels;
import profcon.agent.profile.Collector;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;

/**
 * One live profile being collected in the target: a JFR recording stream with only the
 * recipe's events enabled, aggregated as events arrive into a {@link StackProfile}.
 *
 * <p>The profile holds exactly its {@link Window}: from the instant JFR really started recording
 * ({@link #start} returns only then) to the instant {@link #stop} was asked, or to the end planned by
 * {@link #endAfter}, which a {@link WindowGate} ends on JFR's periodic thread; events outside are
 * dropped. The stream runs on one named thread ({@code profcon-sampler}) started by {@link #start}
 * and joined by {@link #stop}. It stops by itself after the options' maximum duration.
 */
final class Sampler implements Collector {
    /** JFR starts in 50-250 ms, seconds on a loaded JVM's first use; past this the window starts when asked. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** JFR flushes once a second (it refuses shorter intervals on 17 and 25): the mark comes within one. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);
    private static final AtomicLong IDS = new AtomicLong();
    private final long id = IDS.incrementAndGet();
    private final Recipe recipe;
    private final SamplingOptions options;
    private final StackProfile profile;
    private final Window window = new Window();
    /** Opened when the stream delivers the window's mark, or closes. */
    private final CountDownLatch drained = new CountDownLatch(1);
    private final LabelSpans spans = LabelSpans.live(); // touched only by the stream's thread
    private RecordingStream stream;
    private Thread thread;
    private WindowGate gate;
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
        FlightRecorder.register(WindowMark.class);
        StreamRecording recording = StreamRecording.open();
        stream = recording.stream();
        // Ordered: a thread's labels events and its samples must come in time order to be joined.
        stream.setOrdered(true);
        stream.setReuse(true);
        for (Recipe.EventSetting e : recipe.events(options)) {
            enable(e);
            stream.onEvent(e.name(), this::onSample);
        }
        for (Recipe.EventSetting e : LabelSpans.events()) {
            enable(e);
            stream.onEvent(e.name(), spans::update);
        }
        // JFR calls the gate only with a period
        stream.enable(WindowMark.NAME).withoutStackTrace().withPeriod(WindowGate.PERIOD);
        stream.onEvent(WindowMark.NAME, this::onMark);
        gate = WindowGate.install(this::endWindow);
        stream.onFlush(this::onFlush);
        stream.onClose(drained::countDown);
        Instant asked = Instant.now();
        window.begin(asked);
        thread = new Thread(this::run, "profcon-sampler");
        thread.setDaemon(true);
        thread.start();
        window.begin(awaitStart(recording, asked));
    }

    private static Instant awaitStart(StreamRecording recording, Instant fallback) {
        try {
            return recording.awaitStart(START_TIMEOUT, fallback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    private void onSample(RecordedEvent event) {
        if (window.contains(event.getStartTime())) {
            spans.feed(event, recipe, profile);
        }
    }

    private void onMark(RecordedEvent event) {
        if (event.getLong("sampler") == id) {
            drained.countDown();
        }
    }

    private void enable(Recipe.EventSetting e) {
        EventSettings s = stream.enable(e.name());
        if (e.period() != null) {
            s.withPeriod(e.period());
        }
        if (e.threshold() != null) {
            s.withThreshold(e.threshold());
        }
        recipe.moreSettings(e.name(), options).forEach(s::with);
        if (e.stackTrace()) {
            s.withStackTrace();
        } else {
            s.withoutStackTrace();
        }
    }

    private void run() {
        try {
            // threads inside spans begun before the session; read just before the stream starts, so at worst
            // a change made in between is missed until that thread's next one
            spans.seed(ApplicationLabels.now());
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
        if (window.isOpen() && window.durationNanos() > options.maxDuration().toNanos()) {
            endWindow(Window.epochNanos(Instant.now()));
            endReason = "stopped by the agent after its maximum of " + Durations.format(options.maxDuration());
            stream.close();
        }
    }

    /** The profile this sampler fills: a {@link WithVirtualWaits} adds its sampled part to it. */
    StackProfile profile() {
        return profile;
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
        return Duration.ofNanos(window.durationNanos());
    }

    /**
     * Plans the window's end {@code length} after it began, when JFR really started: the gate ends it
     * then, not when the console's stop arrives, with the mark ahead of JFR's next flush.
     */
    @Override
    public void endAfter(Duration length) {
        gate.plan(window.startEpochNanos() + length.toNanos());
    }

    /** Ends the window now unless it has ended, stops the stream once its events have been delivered, and returns the profile. */
    @Override
    public byte[] stop() throws InterruptedException {
        endWindow(Math.min(Window.epochNanos(Instant.now()), gate.plannedEnd()));
        gate.remove();
        drainAndClose();
        thread.join(5_000);
        if (!endReason.isEmpty()) {
            profile.comment("profcon: " + endReason);
        }
        return profile.encode(window.startEpochNanos(), window.durationNanos());
    }

    /** The profile collected so far; collection goes on. */
    @Override
    public byte[] snapshot() {
        return profile.encode(window.startEpochNanos(), window.durationNanos());
    }

    /** Stops without waiting for pending events (the console is gone; nobody will read them). */
    @Override
    public void abort() throws InterruptedException {
        gate.remove();
        if (window.isOpen()) {
            window.end(Window.epochNanos(Instant.now()));
        }
        stream.close();
        thread.join(5_000);
    }

    @Override
    public Thread thread() {
        return thread;
    }

    /**
     * Ends the window at that instant unless it has ended, and commits the mark that the drain waits
     * for: once the stream delivers it, every event recorded before the end has been delivered too.
     */
    private synchronized void endWindow(long endEpochNanos) {
        if (window.isOpen()) {
            window.end(endEpochNanos);
            new WindowMark(id).commit();
        }
    }

    /**
     * Waits until the stream delivers the window's mark (or closes), then closes it. The same on
     * every JDK: JDK 20+'s {@code RecordingStream.stop()} would wait for its parser's one second nap
     * after the last flush; the mark comes with JFR's next flush, within a second of the window's end.
     */
    private void drainAndClose() throws InterruptedException {
        if (!drained.await(DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS) && thread.isAlive()) {
            endReason = "the last events may be missing: JFR did not deliver them within "
                    + Durations.format(DRAIN_TIMEOUT) + " of the stop";
        }
        stream.close();
    }
}
