package profcon.agent.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Collector;
import profcon.agent.profile.Durations;
import profcon.agent.profile.MethodFilter;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.timing.MethodLatencies;
import profcon.agent.timing.MethodMatches;

/**
 * Method timing (JDK 25, JEP 520): JFR instruments the methods the {@code filter=} option names and
 * records a {@code jdk.MethodTrace} event for every call (threshold 0), which gives each method's
 * exact call count and latency table in the window; calls at or above {@code threshold=} (the slow
 * ones) also become samples of the profile (calls/count, duration/nanoseconds) with the traced
 * method as leaf and its callers below. JFR removes the instrumentation when the recording ends.
 */
public final class TimingRecipe implements Recipe {
    static final String TRACE = "jdk.MethodTrace";
    /** Calls shorter than this are counted in the table but left out of the profile. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(1);
    public static final int NEEDS_FEATURE = 25;
    private final List<String> matched;
    private MethodLatencies latencies; // the table of the profile newProfile made last
    private long thresholdNanos;

    public TimingRecipe() {
        this(List.of());
    }

    private TimingRecipe(List<String> matched) {
        this.matched = matched;
        this.latencies = new MethodLatencies(matched);
    }

    public static final String KIND = "timing";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public SamplingOptions defaults() {
        return SamplingOptions.defaults().withThreshold(DEFAULT_THRESHOLD);
    }

    @Override
    public String settings(SamplingOptions options) {
        return "filter=" + options.filter() + " threshold=" + Durations.format(options.threshold());
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        return List.of(new EventSetting(TRACE, null, Duration.ZERO, true));
    }

    @Override
    public Map<String, String> moreSettings(String event, SamplingOptions options) {
        return TRACE.equals(event) ? Map.of("filter", options.filter()) : Map.of();
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = new StackProfile(new String[][] {{"calls", "count"}, {"duration", "nanoseconds"}}, "duration",
                new String[] {"calls", "count"}, 1, options.maxSamples());
        p.comment("profcon timing profile: jdk.MethodTrace for every call of " + options.filter() + "; calls of "
                + Durations.format(options.threshold()) + " or more are samples (the traced method is the leaf); "
                + "the table below counts every call");
        latencies = new MethodLatencies(matched);
        thresholdNanos = options.threshold().toNanos();
        p.lateComments(latencies::comments);
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        if (!TRACE.equals(event.getEventType().getName())) {
            return;
        }
        RecordedMethod method = event.getValue("method");
        String[] thread = profile.memo().threadLabels(event, "eventThread");
        if (method == null || method.getType() == null || thread == null) {
            return;
        }
        String name = method.getType().getName() + "::" + method.getName();
        long nanos = event.getDuration().toNanos();
        latencies.add(name, nanos);
        if (nanos >= thresholdNanos) {
            List<StackProfile.Frame> frames = new ArrayList<>();
            frames.add(new StackProfile.Frame(method.getType().getName(), method.getName(), 0));
            frames.addAll(JfrStacks.frames(event)); // JFR's stack starts at the caller
            profile.add(frames, JfrStacks.concat(thread, "method", name), 1, nanos);
        }
    }

    @Override
    public Collector collector(SamplingOptions options) {
        if (Runtime.version().feature() < NEEDS_FEATURE) {
            throw new IllegalStateException("timing needs JDK " + NEEDS_FEATURE + " (JFR method timing); this JVM is "
                    + Runtime.version().feature());
        }
        if (options.filter().isEmpty()) {
            throw new IllegalArgumentException("timing needs filter=com.acme.Cart::checkout (classes, methods or "
                    + "@annotations, joined with ';')");
        }
        List<String> found = MethodMatches.checked(MethodFilter.parse(options.filter()));
        return new InstrumentedCollector(new Sampler(new TimingRecipe(found), options), options);
    }

    @Override
    public String blindSpots() {
        return "only the methods the filter names, and only calls that begin inside the window; a call of a traced "
                + "method inside another counts in both; the profile's stacks are the callers of slow calls, not "
                + "what ran inside them (profile cpu or wall for that); JDK 25+ only";
    }
}
