package profcon.engine;

import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.encoding.StackProfile;
import profcon.agent.jfr.CpuRecipe;
import profcon.agent.jfr.Recipe;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;

/**
 * The cpu profile from async-profiler's {@code event=cpu} samples, which it writes as
 * {@code jdk.ExecutionSample}: read by the JFR engine's own {@link CpuRecipe} (same sample types,
 * period, {@code thread}/{@code pool}/{@code state} labels), with its own comment and blind spots.
 */
final class NativeCpuRecipe implements Recipe {
    private final CpuRecipe jfr = new CpuRecipe();

    @Override
    public String kind() {
        return "cpu";
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        return List.of(); // async-profiler is started with its own arguments, not JFR settings
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = StackProfile.sampledTime("cpu", options.period().toNanos(), options.maxSamples());
        p.comment("profcon cpu profile, engine async-profiler 4.6: event=cpu every " + Durations.format(options.period())
                + " of CPU time per thread (signal-driven, no safepoint bias); C and JVM frames are named "
                + "'symbol [library]'; state=native when the leaf frame is C code");
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        jfr.accept(event, profile);
    }

    @Override
    public String blindSpots() {
        return "async-profiler samples threads while they use CPU: threads that wait (locks, I/O, sleep) are not "
                + "in a cpu profile (see 'profile wall', 'profile block').";
    }
}
