package profcon.engine;

import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.jfr.Recipe;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;

/**
 * The wall profile from async-profiler's {@code event=wall} samples ({@code profiler.WallClockSample}):
 * Java threads only, as the JFR engine's wall, with the same sample types and C frames below the Java ones; each event stands for
 * {@code samples} ticks of one thread (async-profiler merges repeats of an idle thread), each worth
 * one period of wall time. {@code state} is RUNNABLE (on or waiting for a CPU) or SLEEPING.
 */
final class NativeWallRecipe implements Recipe {
    static final String EVENT = "profiler.WallClockSample";

    @Override
    public String kind() {
        return "wall";
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        return List.of();
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = StackProfile.sampledTime("wall", options.period().toNanos(), options.maxSamples());
        p.comment("profcon wall profile, engine async-profiler 4.6: event=wall, every Java thread every "
                + Durations.format(options.period()) + " by signal (no global safepoint), C frames named "
                + "'symbol [library]'; "
                + "label state = RUNNABLE or SLEEPING (the OS's view: BLOCKED and WAITING are both SLEEPING)");
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        if (!EVENT.equals(event.getEventType().getName())) {
            return;
        }
        RecordedThread thread = event.getValue("sampledThread");
        String[] labels = profile.memo().threadLabels(event, "sampledThread");
        if (thread == null || thread.getJavaThreadId() == 0 || labels == null) {
            return; // the JVM's own threads (GC, compiler): the JFR engine's wall has no such threads either
        }
        long ticks = Math.max(1, event.getLong("samples"));
        String state = "STATE_RUNNABLE".equals(event.getString("state")) ? "RUNNABLE" : "SLEEPING";
        profile.add(profile.memo().stack(event, java.util.function.UnaryOperator.identity()),
                JfrStacks.concat(labels, "state", state), ticks, ticks * profile.period());
    }

    @Override
    public String blindSpots() {
        return "async-profiler's wall samples Java threads (platform threads; a virtual thread shows as its "
                + "carrier) and tells RUNNABLE from SLEEPING, not BLOCKED from WAITING.";
    }
}
