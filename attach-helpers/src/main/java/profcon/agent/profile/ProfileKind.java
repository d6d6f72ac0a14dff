package profcon.agent.profile;

import profcon.agent.encoding.StackProfile;

/**
 * A kind of profile the agent can collect ({@code cpu}, {@code lock}, {@code wall}...): its name,
 * its default settings, the empty profile it fills, what it cannot see, and the collector that
 * fills it in a live target.
 */
public interface ProfileKind {
    /** The profile kind's name, as typed after {@code profile}. */
    String kind();

    /** The settings used when the console gives none: kinds differ (cpu samples every 10 ms, wall every 50 ms). */
    default SamplingOptions defaults() {
        return SamplingOptions.defaults();
    }

    /** An empty profile with this kind's sample types. */
    StackProfile newProfile(SamplingOptions options);

    /** What the profile cannot see, said when it comes back empty and in {@code help profile}. */
    String blindSpots();

    /** The settings that matter for this kind, as shown by {@code info} ("period=10ms"). */
    default String settings(SamplingOptions options) {
        return "period=" + Durations.format(options.period());
    }

    /** A collector for a live target; not started. */
    Collector collector(SamplingOptions options);

    /** As {@link #collector(SamplingOptions)}, for a kind that writes files (only ever into the session directory). */
    default Collector collector(SamplingOptions options, java.nio.file.Path sessionDir) {
        return collector(options);
    }
}
