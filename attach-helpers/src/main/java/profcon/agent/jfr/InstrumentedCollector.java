package profcon.agent.jfr;

import java.time.Duration;
import jdk.jfr.Recording;
import profcon.agent.profile.Collector;
import profcon.agent.profile.SamplingOptions;

/**
 * A timing window whose methods are instrumented before it begins: a silent recording (method
 * trace at a threshold no call reaches, nothing kept) installs the filter first, since JFR
 * instruments when a recording with the filter starts, which takes 50 ms to half a second (the
 * first time JFR's method tracer loads); only then does the {@link Sampler} start, so its window
 * has no stretch of uninstrumented calls. Closing the silent recording (at the stop, on abort, or
 * by its own duration if both are missed) is what lets JFR remove the instrumentation.
 */
final class InstrumentedCollector implements Collector {
    /** A threshold no call reaches: the silent recording instruments and records nothing. */
    private static final Duration NEVER = Duration.ofDays(1);
    /** Past the sampler's own maximum, so the silent recording outlives the window by at most this. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private final Sampler sampler;
    private final Recording silent = new Recording();

    InstrumentedCollector(Sampler sampler, SamplingOptions options) {
        this.sampler = sampler;
        silent.setName("profcon-timing-instrumentation");
        silent.setToDisk(false);
        silent.setDuration(options.maxDuration().plus(GRACE));
        silent.enable(TimingRecipe.TRACE).withThreshold(NEVER).withoutStackTrace().with("filter", options.filter());
    }

    @Override
    public void start() {
        silent.start(); // returns once JFR has applied the filter: the methods are instrumented
        try {
            sampler.start();
        } catch (RuntimeException e) {
            silent.close();
            throw e;
        }
    }

    @Override
    public void endAfter(Duration length) {
        sampler.endAfter(length);
    }

    @Override
    public String kind() {
        return sampler.kind();
    }

    @Override
    public long events() {
        return sampler.events();
    }

    @Override
    public Duration elapsed() {
        return sampler.elapsed();
    }

    @Override
    public String settings() {
        return sampler.settings();
    }

    @Override
    public byte[] stop() throws InterruptedException {
        try {
            return sampler.stop();
        } finally {
            silent.close();
        }
    }

    @Override
    public byte[] snapshot() {
        return sampler.snapshot();
    }

    @Override
    public void abort() throws InterruptedException {
        try {
            sampler.abort();
        } finally {
            silent.close();
        }
    }

    @Override
    public long cpuNanos() {
        return sampler.cpuNanos();
    }

    @Override
    public Thread thread() {
        return sampler.thread();
    }
}
