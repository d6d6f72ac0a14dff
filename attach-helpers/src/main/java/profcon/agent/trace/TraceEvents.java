package profcon.agent.trace;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.agent.jfr.AllocRecipe;
import profcon.agent.jfr.BlockRecipe;
import profcon.agent.jfr.CpuRecipe;
import profcon.agent.jfr.LockRecipe;
import profcon.agent.jfr.Recipe;
import profcon.agent.profile.SamplingOptions;

/**
 * The events a trace records and their settings: the cpu, lock, block and alloc recipes' own events
 * (so {@code load FILE.jfr KIND} reads the trace as it reads those profiles), with waits from
 * {@link #THRESHOLD} up, plus pauses, thread starts and ends, and profcon's sched events.
 */
final class TraceEvents {
    /**
     * Waits (lock, park, wait, sleep, I/O) shorter than this are left out: at threshold 0 a busy lock
     * gives 4k-135k park events a second, while a 60-column timeline of a 10 s window draws 166 ms
     * per column. See docs/trace.md for the sizes this gives.
     */
    static final Duration THRESHOLD = Duration.ofMillis(1);
    private static final List<String> PAUSES = List.of("jdk.GarbageCollection", "jdk.GCPhasePause",
            "jdk.SafepointBegin", "jdk.SafepointEnd", "jdk.ExecuteVMOperation");

    private TraceEvents() {
    }

    /** Every event by name with its setting; a later recipe's setting of the same event wins. */
    static Map<String, Recipe.EventSetting> settings() {
        SamplingOptions options = SamplingOptions.defaults().withThreshold(THRESHOLD);
        Map<String, Recipe.EventSetting> events = new LinkedHashMap<>();
        List<Recipe> recipes = List.of(new CpuRecipe(), new LockRecipe(), new BlockRecipe(), new AllocRecipe());
        for (Recipe r : recipes) {
            r.events(options).forEach(e -> events.put(e.name(), e));
        }
        for (String pause : PAUSES) {
            events.put(pause, new Recipe.EventSetting(pause, null, Duration.ZERO, false));
        }
        events.put("jdk.ThreadStart", new Recipe.EventSetting("jdk.ThreadStart", null, null, true));
        events.put("jdk.ThreadEnd", new Recipe.EventSetting("jdk.ThreadEnd", null, null, false));
        return events;
    }

}
