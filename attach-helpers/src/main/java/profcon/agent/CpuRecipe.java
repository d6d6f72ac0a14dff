package profcon.agent;

import java.util.List;
import java.util.function.UnaryOperator;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The CPU profile: JFR's execution samples (threads running Java code) plus native-method
 * samples (threads inside native code, labelled {@code state=native}, so time in JNI is shown
 * rather than lost; hide it with {@code tagignore=state=native}).
 */
public final class CpuRecipe implements Recipe {
    static final String EXECUTION = "jdk.ExecutionSample";
    static final String NATIVE = "jdk.NativeMethodSample";

    @Override
    public String kind() {
        return "cpu";
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        return List.of(new EventSetting(EXECUTION, options.period(), null, true),
                new EventSetting(NATIVE, options.period(), null, true));
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = new StackProfile(new String[][] {{"samples", "count"}, {"cpu", "nanoseconds"}}, "cpu",
                new String[] {"cpu", "nanoseconds"}, options.period().toNanos(), options.maxSamples());
        p.comment("profcon cpu profile: jdk.ExecutionSample + jdk.NativeMethodSample every "
                + Durations.format(options.period()));
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        String type = event.getEventType().getName();
        String state;
        if (EXECUTION.equals(type)) {
            state = "java";
        } else if (NATIVE.equals(type)) {
            state = "native";
        } else {
            return;
        }
        String[] thread = profile.memo().threadLabels(event, "sampledThread");
        if (thread == null) {
            return;
        }
        profile.add(profile.memo().stack(event, UnaryOperator.identity()), JfrStacks.concat(thread, "state", state), 1,
                profile.period());
    }

    @Override
    public String blindSpots() {
        return "JFR samples a few threads per period and only threads running Java code or inside a native "
                + "method; time in the JVM itself (GC, JIT compiler) is not attributed to Java stacks.";
    }
}
