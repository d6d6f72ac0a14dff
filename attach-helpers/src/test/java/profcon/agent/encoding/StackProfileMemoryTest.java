package profcon.agent.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import profcon.agent.jfr.CpuRecipe;
import profcon.agent.profile.SamplingOptions;

/**
 * The agent's aggregation stays under its documented bound (docs/safety.md) whatever the target
 * does: "one hour at 100 Hz over 500 threads" with stacks that never repeat is the worst case,
 * and it is bounded by {@code maxsamples}, not by the number of events.
 */
class StackProfileMemoryTest {
    /** The bound docs/safety.md states for the default maxsamples (50,000) and JFR's default stack depth (64). */
    static final long BOUND_BYTES = 40L << 20;
    private static final int THREADS = 500;
    private static final int FRAMES = 20_000; // distinct (method, line) pairs: a large service's hot code

    @Test
    void aWorstCaseHourStaysUnderTheBound() {
        long before = retainedHeap();
        StackProfile profile = new CpuRecipe().newProfile(SamplingOptions.defaults());
        Workload w = new Workload(42);
        // JFR takes at most a handful of execution samples per 10 ms period; an hour of it is
        // about 2 million events. Every one gets a fresh 64-frame stack, so nothing ever
        // aggregates: the table fills after maxsamples events, and the rest only fold.
        int events = Integer.getInteger("profcon.memtest.events", 150_000);
        for (int i = 0; i < events; i++) {
            profile.add(w.stack(), w.labels(), 1, 10_000_000L);
        }
        long retained = retainedHeap() - before;
        byte[] encoded = profile.encode(0, 3_600_000_000_000L);
        System.out.printf("StackProfile after %,d worst-case events: %,d distinct samples, retained %.1f MB, "
                + "encoded snapshot %.1f MB%n", events, profile.distinctSamples(), retained / 1e6, encoded.length / 1e6);

        assertThat(profile.distinctSamples()).isLessThanOrEqualTo(SamplingOptions.DEFAULT_MAX_SAMPLES + 1);
        assertThat(retained).isLessThan(BOUND_BYTES);
        assertThat(encoded.length).isLessThan((int) BOUND_BYTES);
        assertThat(new String(encoded, java.nio.charset.StandardCharsets.UTF_8)).contains("sample table full");
    }

    @Test
    void onceFullNewThreadsAndFramesDoNotGrowTheTables() {
        StackProfile profile = new CpuRecipe().newProfile(new SamplingOptions(SamplingOptions.DEFAULT_PERIOD,
                SamplingOptions.DEFAULT_THRESHOLD, SamplingOptions.DEFAULT_MAX, 1_000));
        Workload w = new Workload(7);
        for (int i = 0; i < 2_000; i++) {
            profile.add(w.stack(), w.labels(), 1, 1);
        }
        int strings = profile.strings().size();
        int locations = profile.locationList().size();
        int samples = profile.distinctSamples();
        // a thread leak: every event from a thread never seen, at a frame never seen
        for (int i = 0; i < 50_000; i++) {
            List<StackProfile.Frame> stack = List.of(new StackProfile.Frame("gen.Leak" + i, "run", i));
            profile.add(stack, JfrStacks.concat(new String[] {"thread", "leaked-" + i}, "state", "java"), 1, 1);
        }
        assertThat(profile.distinctSamples()).isEqualTo(samples);
        assertThat(profile.strings().size()).isEqualTo(strings);
        assertThat(profile.locationList().size()).isEqualTo(locations);
        assertThat(profile.events()).isEqualTo(52_000);
    }

    /** Heap in use after the collector has run: what the profile keeps alive. */
    private static long retainedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Random stacks of JFR's maximum default depth over a fixed set of frames, on 500 named threads. */
    private static final class Workload {
        private final SplittableRandom random;
        private final StackProfile.Frame[] frames = new StackProfile.Frame[FRAMES];
        private final String[][] labels = new String[THREADS * 2][];

        Workload(long seed) {
            random = new SplittableRandom(seed);
            for (int i = 0; i < FRAMES; i++) {
                frames[i] = new StackProfile.Frame("com.example.service.module" + i % 40 + ".Component" + i / 8,
                        "handle" + i % 8, 20 + i % 400);
            }
            for (int t = 0; t < THREADS; t++) {
                for (String state : new String[] {"java", "native"}) {
                    String name = "request-worker-" + t;
                    labels[t * 2 + (state.equals("java") ? 0 : 1)] = new String[] {"thread", name, "pool",
                            ThreadNames.pool(name), "thread_kind", "platform", "state", state};
                }
            }
        }

        List<StackProfile.Frame> stack() {
            int depth = 64; // JFR's default stackdepth: the deepest stack an event carries
            List<StackProfile.Frame> stack = new ArrayList<>(depth);
            for (int i = 0; i < depth; i++) {
                stack.add(frames[random.nextInt(FRAMES)]);
            }
            return stack;
        }

        String[] labels() {
            return labels[random.nextInt(labels.length)];
        }
    }
}
