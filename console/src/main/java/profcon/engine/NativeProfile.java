package profcon.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import profcon.agent.encoding.StackProfile;
import profcon.agent.jfr.LabelSpans;
import profcon.agent.jfr.Recipe;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;
import profcon.attach.TargetGoneException;
import profcon.console.JfrRecording;

/**
 * A cpu or wall profile made by async-profiler in the target: started with {@code jfrsync} so its
 * one output file, in the session directory, also holds the application's label events; read at
 * the stop through the console's JFR reading (labels joined as for any .jfr file), cut to the
 * window asked, and deleted. The library keeps its samples until the stop: there are no snapshots.
 */
public final class NativeProfile implements LiveSource {
    /**
     * The native cpu engine's default interval: not 10 ms. async-profiler samples every interval of a
     * thread's CPU time, so a thread busy with a cycle of work that is a multiple of the interval
     * (a 15 ms task then a 5 ms one) is sampled at the same phase of the cycle for as long as the
     * cycle lasts, and a window can read 100 % for one task or 50 % (measured: +6.8 points off the
     * truth at 10 ms in scripts/bench-cpu-accuracy.sh). At 9.7 ms (97 tenths of a millisecond, a
     * prime) the samples visit every tenth of a millisecond of any cycle of whole milliseconds shorter
     * than 97 ms: a 20 ms cycle within 200 samples (2 s).
     */
    public static final Duration CPU_PERIOD = Duration.ofMillis(9).plusNanos(700_000);

    /** A comment that starts so is also said when the profile arrives. */
    public static final String NOTE = "profcon note: ";
    private static final String LABELS_JFC = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="profcon labels">
              <event name="%s"><setting name="enabled">true</setting><setting name="stackTrace">false</setting><setting name="threshold">0 ms</setting></event>
              <event name="%s"><setting name="enabled">true</setting><setting name="stackTrace">false</setting><setting name="threshold">0 ms</setting></event>
            </configuration>
            """.formatted(LabelSpans.BEGIN, LabelSpans.END);

    /**
     * Said with the profile when labels set on virtual threads could not be joined: async-profiler
     * records the carrier a virtual thread runs on, and the application's labels library put no label
     * frame on the virtual threads' stacks (one from before profcon's label frames).
     */
    static final String VIRTUAL_LABELS = NOTE + "labels set on virtual threads are not on these samples: async-profiler "
            + "samples the carrier threads they run on, and the application's labels library puts no label frame "
            + "on their stacks (a version before it; use engine=jfr, or a newer labels library)";

    private final AsyncProfiler profiler;
    private final long pid;
    private final Recipe recipe;
    private final SamplingOptions options;
    private final Duration window;
    private final Path dir;
    private final Path file;
    private final TargetAgent agent;
    private final Path library;
    private Map<Long, String[]> labelsAtStart = Map.of();
    private long startedNanos;

    /** The application's labels now: whether its labels library is loaded at all, and each thread's labels. */
    public record Labels(boolean libraryLoaded, Map<Long, String[]> byThread) {
        public static final Labels NONE = new Labels(false, Map.of());
    }

    /** What the native engine asks of profcon's agent in the target. */
    public interface TargetAgent {
        /** The application's labels now (the agent's {@code labels} request). */
        Labels labels() throws IOException;

        /**
         * Tells the agent that async-profiler is about to run from {@code library} ({@code native-guard}), or with
         * {@code null} that it stopped, so that a console killed mid-profile does not leave it sampling.
         */
        void guard(Path library) throws IOException;

        /** No agent to ask: no labels, no guard (the profiler's timeout alone bounds a vanished console). */
        TargetAgent NONE = new TargetAgent() {
            @Override
            public Labels labels() {
                return Labels.NONE;
            }

            @Override
            public void guard(Path library) {
            }
        };
    }

    private NativeProfile(Path library, long pid, Recipe recipe, SamplingOptions options, Duration window,
                          Path dir, TargetAgent agent) {
        this.agent = agent;
        this.library = library;
        this.profiler = new AsyncProfiler(pid, library);
        this.pid = pid;
        this.recipe = recipe;
        this.options = options;
        this.window = window;
        this.dir = dir;
        this.file = dir.resolve("native-" + recipe.kind() + ".jfr");
    }

    /**
     * A {@code kind} (cpu or wall) profile of {@code pid} for {@code window}; its files go in
     * {@code sessionDir}; {@code agent} gives the labels of spans begun before it started and guards the run.
     */
    public static NativeProfile of(long pid, Path library, Path sessionDir, String kind, SamplingOptions options,
                                   Duration window, TargetAgent agent) {
        Recipe recipe = kind.equals("wall") ? new NativeWallRecipe() : new NativeCpuRecipe();
        return new NativeProfile(library, pid, recipe, options, window, sessionDir, agent);
    }

    @Override
    public String start() throws IOException {
        // Asked first, as it decides the recording: jfrsync (JFR started in the target, for the label
        // events) only where there are labels to join; on a saturated target JFR's start is most of the
        // cost of a profile (docs/saturated.md). A label changed between this read and the start is
        // seen from that thread's next change on.
        Labels labels = agent.labels();
        labelsAtStart = labels.byThread();
        String sync = "";
        if (labels.libraryLoaded()) {
            sync = ",jfrsync=" + Files.writeString(dir.resolve("labels.jfc"), LABELS_JFC);
        }
        Files.deleteIfExists(file);
        String event = recipe.kind().equals("wall") ? "event=wall" : "event=cpu";
        // A console that vanishes mid-profile: the agent's guard stops the profiler when the channel
        // closes. Set before the start, so a console killed right after it is covered too (the agent
        // stops only a library loaded by then); the timeout (D + 60 s) is the backstop where it cannot.
        agent.guard(library);
        try {
            profiler.run("start," + event + ",interval=" + options.period().toNanos() + ",timeout="
                    + window.plusSeconds(60).toSeconds() + ",jfr" + sync + ",file=" + file);
        } catch (IOException | RuntimeException e) {
            agent.guard(null); // nothing started: nothing to stop should the console go
            throw e;
        }
        startedNanos = System.nanoTime();
        return "engine=async-profiler period=" + Durations.format(options.period());
    }

    @Override
    public Progress progress() throws TargetGoneException {
        if (!alive()) {
            throw new TargetGoneException("target " + pid + " exited", null);
        }
        return new Progress(Duration.ofNanos(System.nanoTime() - startedNanos), -1);
    }

    @Override
    public byte[] snapshot() {
        return null;
    }

    @Override
    public byte[] stop() throws IOException {
        Instant end = Instant.now();
        Duration elapsed = Duration.ofNanos(Math.min(window.toNanos(), System.nanoTime() - startedNanos));
        try {
            profiler.run("stop,file=" + file);
            agent.guard(null);
            return read(end.minus(elapsed), end);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The recording's samples taken in [from, to], the labels in force on their threads joined. */
    private byte[] read(Instant from, Instant to) throws IOException {
        StackProfile profile = recipe.newProfile(options);
        JfrRecording.Fed fed = JfrRecording.feed(file,
                e -> !e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to), List.of(recipe), List.of(profile), labelsAtStart);
        if (fed.virtualLabelsUnjoined()) {
            profile.comment(VIRTUAL_LABELS);
        }
        long start = from.getEpochSecond() * 1_000_000_000L + from.getNano();
        return profile.encode(start, Duration.between(from, to).toNanos());
    }

    /**
     * The recording a target wrote as it shut down: async-profiler (or JFR, with jfrsync) writes it to
     * its file at a normal exit (SIGTERM included), with every sample up to then. A killed JVM (SIGKILL, a crash)
     * writes nothing, and the file may then be missing or unreadable.
     */
    @Override
    public byte[] leftAtExit() {
        Instant end = Instant.now();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        try {
            return Files.size(file) > 0 ? read(end.minus(elapsed), end) : null;
        } catch (IOException | RuntimeException e) {
            return null; // nothing readable: nothingCollected() says what was lost
        } finally {
            deleteQuietly();
        }
    }

    @Override
    public String nothingCollected() {
        return String.format(Locale.ROOT, "the target exited during the profile without writing async-profiler's "
                + "samples out (killed, or crashed), so the %.1f s collected are lost (engine=jfr keeps a snapshot "
                + "every 5 s)", (System.nanoTime() - startedNanos) / 1e9);
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the session directory is removed with the session
        }
    }

    private boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
