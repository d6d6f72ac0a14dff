package profcon.console;

import java.time.Duration;
import profcon.api.Profcon;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * One {@code profile cpu D} of a target whose only busy thread ({@code worker-1} of the demo,
 * {@code --threads=1}) runs Java code all the time: JFR's execution sampler takes at most one
 * sample of it per period, so its samples say how exactly the profile holds its window.
 */
public record BusyWindow(long samples, long expected, Duration profileDuration, Duration wallTime) {
    public static final Duration PERIOD = Duration.ofMillis(10);
    private static final String THREAD = "worker-1";

    /** Starts the target on {@code javaHome}, attaches, and times the {@code profile} call alone. */
    public static BusyWindow measure(String javaHome, Duration d) throws Exception {
        return measure(javaHome, d, false);
    }

    /** With {@code warm}, a first 1 s profile starts JFR in the target so the one measured finds it running. */
    public static BusyWindow measure(String javaHome, Duration d, boolean warm) throws Exception {
        try (TargetJvm target = TargetJvm.start(javaHome, "profcon.demo.Demo", "--threads=1");
             Profcon p = Profcon.attach(target.pid())) {
            if (warm) {
                p.profile("cpu", Duration.ofSeconds(1), "engine=jfr");
            }
            long t0 = System.nanoTime();
            // engine=jfr: the window of JFR's sampler is what is measured; async-profiler counts CPU time
            // actually used, which a loaded machine gives the busy thread only a share of
            Profile profile = p.profile("cpu", d, "period=" + PERIOD.toMillis() + "ms", "engine=jfr");
            Duration wall = Duration.ofNanos(System.nanoTime() - t0);
            return new BusyWindow(busySamples(profile), d.toNanos() / PERIOD.toNanos(),
                    Duration.ofNanos(profile.durationNanos()), wall);
        }
    }

    /** Samples of the busy thread running Java code (its rare native calls aside). */
    static long busySamples(Profile profile) {
        long n = 0;
        for (Sample s : profile.samples()) {
            if (THREAD.equals(s.label("thread")) && "java".equals(s.label("state"))) {
                n += s.values()[0];
            }
        }
        return n;
    }

    public double ratio() {
        return (double) samples / expected;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d samples of %d possible (%.3f), profile duration %.3f s, "
                + "profile command %.3f s", samples, expected, ratio(), profileDuration.toNanos() / 1e9,
                wallTime.toNanos() / 1e9);
    }
}
