package profcon.agent.jfr;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import profcon.agent.encoding.StackProfile;
import profcon.agent.labels.FrameLabels;
import profcon.agent.labels.LabelPairs;

/**
 * The application's profile labels per thread, rebuilt from the {@code profcon.LabelsBegin} and
 * {@code profcon.LabelsEnd} events its labels library commits (each holds the thread's whole
 * label set from then on), and appended to every sample taken on that thread.
 *
 * <p>The agent knows those events only by name: it never loads the application's labels classes.
 * Live, the stream is ordered, so the latest change per thread is the one in force
 * ({@link #live}). A .jfr file is read twice instead: a first pass keeps each thread's whole
 * timeline ({@link #timeline}), and a sample takes the labels in force at its start time,
 * whatever order the file holds events in. A sample whose stack holds a label frame (work labelled
 * on a virtual thread, {@link FrameLabels}) takes that frame's labels instead: exact, and the only
 * way to a virtual thread's labels from a sample of its carrier (async-profiler's).
 */
public final class LabelSpans {
    public static final String BEGIN = "profcon.LabelsBegin";
    public static final String END = "profcon.LabelsEnd";
    private static final String[] NONE = new String[0];

    private final Map<Long, TreeMap<Long, String[]>> threads = new HashMap<>();
    private final boolean history;
    private boolean onVirtualThreads;
    private boolean framed;

    private LabelSpans(boolean history) {
        this.history = history;
    }

    /** For an ordered live stream: only each thread's latest labels are kept. */
    public static LabelSpans live() {
        return new LabelSpans(false);
    }

    /** For a file read in two passes: every change is kept, samples look up their time. */
    public static LabelSpans timeline() {
        return new LabelSpans(true);
    }

    /** The two labels events, to enable next to a recipe's (no stack, no threshold: every change counts). */
    public static List<Recipe.EventSetting> events() {
        return List.of(new Recipe.EventSetting(BEGIN, null, java.time.Duration.ZERO, false),
                new Recipe.EventSetting(END, null, java.time.Duration.ZERO, false));
    }

    /**
     * The labels threads have before the stream starts, read from the application (see
     * {@code profcon.agent.labels.ApplicationLabels}): a span begun before the session labels its
     * thread's samples until the thread's first change seen in the stream replaces it.
     */
    public void seed(Map<Long, String[]> now) {
        now.forEach((tid, pairs) -> threads.computeIfAbsent(tid, id -> new TreeMap<>()).put(Long.MIN_VALUE, pairs));
    }

    /** True for a labels event, which then updates its thread's labels; false for any other event. */
    public boolean update(RecordedEvent event) {
        String type = event.getEventType().getName();
        if (!BEGIN.equals(type) && !END.equals(type)) {
            return false;
        }
        RecordedThread thread = event.getThread();
        if (thread == null || !event.hasField("labels")) {
            return true;
        }
        // RecordedThread.isVirtual() is JDK 21+ API; its field is there in a 21+ recording
        onVirtualThreads |= thread.hasField("virtual") && thread.getBoolean("virtual");
        TreeMap<Long, String[]> changes = threads.computeIfAbsent(thread.getJavaThreadId(), id -> new TreeMap<>());
        if (!history) {
            changes.clear();
        }
        changes.put(nanos(event.getStartTime()), LabelPairs.decode(event.getString("labels")));
        return true;
    }

    /**
     * Whether labels events came from virtual threads while no sample had a label frame: a labels
     * library that puts no frames on virtual threads (an older one), whose labels a sampler of
     * carrier threads cannot join.
     */
    public boolean virtualLabelsUnjoined() {
        return onVirtualThreads && !framed;
    }

    /** Feeds one sample event to a recipe with its thread's labels appended to the recipe's own. */
    public void feed(RecordedEvent event, Recipe recipe, StackProfile profile) {
        profile.extraLabels(labels(event));
        try {
            recipe.accept(event, profile);
        } finally {
            profile.extraLabels(NONE);
        }
    }

    /** Label pairs in force on the event's thread (its {@code sampledThread}, else its own) at its start. */
    String[] labels(RecordedEvent event) {
        String[] framedLabels = FrameLabels.of(event.getStackTrace());
        if (framedLabels != null) {
            framed = true;
            return framedLabels;
        }
        if (threads.isEmpty()) {
            return NONE;
        }
        RecordedThread thread = event.hasField("sampledThread") ? (RecordedThread) event.getValue("sampledThread")
                : event.getThread();
        TreeMap<Long, String[]> changes = thread == null ? null : threads.get(thread.getJavaThreadId());
        if (changes == null || changes.isEmpty()) {
            return NONE;
        }
        Map.Entry<Long, String[]> inForce = history ? changes.floorEntry(nanos(event.getStartTime()))
                : changes.lastEntry();
        return inForce == null ? NONE : inForce.getValue();
    }

    /** {@code k1=v1;k2=v2} with {@code %25 %3D %3B} escapes, as the labels library writes it, to key/value pairs. */
    static String[] decode(String encoded) {
        return LabelPairs.decode(encoded);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
