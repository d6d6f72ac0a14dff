package profcon.agent.jfr;

import java.time.Duration;
import profcon.agent.profile.Collector;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.vwait.VirtualWaitSampler;

/**
 * A wait profile fed by two parts into one profile: the JFR events of platform threads (and the
 * virtual threads' sleeps, waits and I/O, which do have events), and the sampled parks and monitor
 * waits of virtual threads. The JFR part owns the window and the encoding; the sampled part runs
 * inside it and is stopped first, so all it took is in the profile that stop returns.
 */
final class WithVirtualWaits implements Collector {
    private final Sampler events;
    private final VirtualWaitSampler sampled;
    private final SamplingOptions options;

    WithVirtualWaits(Sampler events, VirtualWaitSampler sampled, SamplingOptions options) {
        this.events = events;
        this.sampled = sampled;
        this.options = options;
    }

    @Override
    public void start() {
        events.start(); // returns once JFR records: the sampled part starts inside the window
        sampled.start(options.maxDuration());
    }

    @Override
    public void endAfter(Duration length) {
        events.endAfter(length);
        sampled.endAfter(length.minus(events.elapsed()));
    }

    @Override
    public String kind() {
        return events.kind();
    }

    @Override
    public long events() {
        return events.events();
    }

    @Override
    public Duration elapsed() {
        return events.elapsed();
    }

    @Override
    public String settings() {
        return events.settings() + " " + VirtualWaitSampler.settings(options.period());
    }

    @Override
    public byte[] stop() throws InterruptedException {
        sampled.stop();
        return events.stop();
    }

    @Override
    public byte[] snapshot() {
        return events.snapshot();
    }

    @Override
    public void abort() throws InterruptedException {
        sampled.stop();
        events.abort();
    }

    @Override
    public long cpuNanos() {
        return events.cpuNanos() + sampled.cpuNanos();
    }

    @Override
    public Thread thread() {
        return events.thread();
    }
}
