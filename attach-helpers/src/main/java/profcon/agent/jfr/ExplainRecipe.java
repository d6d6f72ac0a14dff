package profcon.agent.jfr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Collector;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.vwait.VirtualWaitSampler;

/**
 * What {@code explain} needs from one JFR stream: the cpu, lock and block recipes' events in one
 * window plus the pauses (safepoint VM operations and garbage collections), in one profile whose
 * samples carry {@code profile=cpu|lock|block|pause}; the console splits it into one profile per kind.
 * Each part's samples are made by the part's own recipe, so they equal what {@code profile KIND} gives.
 * On JDK 21+ a live window also samples the virtual threads' parks and monitor waits, as lock and block
 * do ({@link WaitRecipe}): one census serves both parts ({@link ExplainWaits}).
 */
public final class ExplainRecipe implements Recipe {
    public static final String KIND = "explain";
    /** The label naming which kind a sample belongs to. */
    public static final String PART = "profile";
    static final String VM_OPERATION = "jdk.ExecuteVMOperation";
    static final String GC = "jdk.GarbageCollection";
    private static final List<Recipe> PARTS = List.of(new CpuRecipe(), new LockRecipe(), new BlockRecipe());
    /** Event type to the parts that read it, built once: accept runs for every event, up to 100k a second. */
    private static final Map<String, List<Recipe>> READERS = readers();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public SamplingOptions defaults() {
        // lock's threshold for every waiting event: short waits are what the empty-lock-profile shape is about
        return SamplingOptions.defaults().withThreshold(LockRecipe.DEFAULT_THRESHOLD);
    }

    @Override
    public String settings(SamplingOptions options) {
        return "period=" + Durations.format(options.period()) + " threshold=" + Durations.format(options.threshold());
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        Map<String, EventSetting> union = new LinkedHashMap<>(); // lock and block share park and monitor events
        for (Recipe part : PARTS) {
            part.events(options).forEach(e -> union.putIfAbsent(e.name(), e));
        }
        List<EventSetting> all = new ArrayList<>(union.values());
        all.add(new EventSetting(VM_OPERATION, null, Duration.ZERO, false));
        all.add(new EventSetting(GC, null, Duration.ZERO, false));
        return all;
    }

    @Override
    public Collector collector(SamplingOptions options, Path sessionDir) {
        if (!VirtualWaitSampler.available() || sessionDir == null) {
            return collector(options);
        }
        Sampler events = new Sampler(this, options);
        if (!options.sampleVirtual()) {
            return WaitRecipe.unsampled(events);
        }
        // lock's and block's own period, not the cpu part's 10 ms: one census costs milliseconds at thousands of threads
        SamplingOptions sampling = options.withPeriod(WaitRecipe.VIRTUAL_PERIOD);
        VirtualWaitSampler sampled = new VirtualWaitSampler(sessionDir, sampling.period(), events.profile(),
                WaitSites::trim, new ExplainWaits());
        return new WithVirtualWaits(events, sampled, sampling);
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = new StackProfile(new String[][] {{"events", "count"}, {"nanoseconds", "nanoseconds"}},
                "nanoseconds", new String[] {"cpu", "nanoseconds"}, options.period().toNanos(), options.maxSamples());
        p.comment("profcon explain profile: cpu, lock and block samples as their recipes make them, plus pauses "
                + "(jdk.ExecuteVMOperation at a safepoint, jdk.GarbageCollection); label " + PART + " names the kind");
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        String type = event.getEventType().getName();
        if (VM_OPERATION.equals(type) || GC.equals(type)) {
            PauseSamples.add(event, profile);
            return;
        }
        String[] saved = profile.extraLabels();
        try {
            for (Recipe part : READERS.getOrDefault(type, List.of())) {
                profile.extraLabels(JfrStacks.concat(saved, PART, part.kind()));
                part.accept(event, profile);
            }
        } finally {
            profile.extraLabels(saved);
        }
    }

    private static Map<String, List<Recipe>> readers() {
        Map<String, List<Recipe>> readers = new LinkedHashMap<>();
        for (Recipe part : PARTS) {
            // the options change the events' settings, never which events a part reads
            part.events(SamplingOptions.defaults()).forEach(e -> readers.computeIfAbsent(e.name(),
                    n -> new ArrayList<>()).add(part));
        }
        return readers;
    }

    @Override
    public String blindSpots() {
        return "the sum of cpu's, lock's and block's (on JDK 21+ with their sampled virtual-thread waits); pauses are "
                + "safepoint VM operations and collections (the time to reach a safepoint is not in them)";
    }
}
