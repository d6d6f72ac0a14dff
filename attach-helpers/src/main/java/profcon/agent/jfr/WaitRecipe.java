package profcon.agent.jfr;

import java.nio.file.Path;
import java.time.Duration;
import profcon.agent.profile.Collector;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.vwait.VirtualWaitSampler;

/**
 * A recipe for a wait profile ({@code lock}, {@code block}): on JDK 21+ its live collector also
 * samples the waits of virtual threads, for which JFR has no park or monitor-enter event, into the
 * same profile; the recipe says what each waiting virtual thread becomes.
 */
interface WaitRecipe extends Recipe, VirtualWaitSampler.Classifier {
    /** How often virtual threads are dumped unless {@code period=} says otherwise: one dump costs milliseconds at thousands of threads. */
    Duration VIRTUAL_PERIOD = Duration.ofMillis(100);

    @Override
    default Collector collector(SamplingOptions options, Path sessionDir) {
        if (!VirtualWaitSampler.available() || sessionDir == null) {
            return collector(options);
        }
        Sampler events = new Sampler(this, options);
        String parks = SchedulerParks.comment(options.threshold());
        if (parks != null) {
            events.profile().comment(parks);
        }
        if (!options.sampleVirtual()) {
            return unsampled(events);
        }
        VirtualWaitSampler sampled = new VirtualWaitSampler(sessionDir, options.period(), events.profile(),
                WaitSites::trim, this);
        return new WithVirtualWaits(events, sampled, options);
    }

    /** The event part alone; where virtual threads run, the profile says their waits are missing and how to get them. */
    static Collector unsampled(Sampler events) {
        if (SchedulerParks.schedulerRuns()) {
            events.profile().comment(VirtualWaitSampler.notSampled());
        }
        return events;
    }
}
