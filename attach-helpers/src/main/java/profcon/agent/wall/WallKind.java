package profcon.agent.wall;

import java.time.Duration;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Collector;
import profcon.agent.profile.Durations;
import profcon.agent.profile.ProfileKind;
import profcon.agent.profile.SamplingOptions;

/**
 * The wall-clock profile: every platform thread's stack at a fixed period, whatever its state,
 * labelled {@code state} (RUNNABLE, BLOCKED, WAITING, TIMED_WAITING). JFR has no such sampler,
 * so this kind is collected by {@link WallSampler}, not by a recipe, and cannot come from a .jfr file.
 */
public final class WallKind implements ProfileKind {
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(50);

    @Override
    public String kind() {
        return "wall";
    }

    @Override
    public SamplingOptions defaults() {
        return SamplingOptions.defaults().withPeriod(DEFAULT_PERIOD);
    }

    @Override
    public String settings(SamplingOptions options) {
        return "period=" + Durations.format(options.period()) + " threads_per_tick=" + WallSampler.THREADS_PER_TICK
                + " depth=" + WallSampler.MAX_DEPTH;
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = StackProfile.sampledTime("wall", options.period().toNanos(), options.maxSamples());
        p.comment("profcon wall profile: up to " + WallSampler.THREADS_PER_TICK + " platform threads' stacks every "
                + Durations.format(options.period()) + " (rotating), by " + ThreadStacks.method()
                + "; wall = time since the previous tick x live threads / threads sampled; label state = Thread.State, "
                + "and each thread's own labels (ProfileLabels) as they were at the tick");
        return p;
    }

    @Override
    public String blindSpots() {
        return "wall samples platform threads only (virtual threads are invisible to it), at most "
                + WallSampler.THREADS_PER_TICK + " per tick in rotation, and stacks are taken at safepoints or "
                + "handshakes, so RUNNABLE stacks lean to safepoint polls; it cannot be read from a .jfr file.";
    }

    @Override
    public Collector collector(SamplingOptions options) {
        return new WallSampler(this, options);
    }
}
