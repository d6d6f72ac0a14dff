package profcon.agent.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile aggregated where it is collected: identical (stack, labels) pairs share one sample.
 *
 * <p>Frames, functions and strings are interned, so memory grows with the number of distinct
 * stacks, not with the number of events. Past {@code maxSamples} distinct samples, new stacks
 * are folded into one "[profcon: sample table full]" sample (without labels), and the profile
 * says so in a comment: the target never pays more than the cap, however many new stacks, frames
 * or thread names keep coming.
 */
public final class StackProfile {
    /** One frame as a stack walker sees it; {@code line} is 0 when unknown. */
    public record Frame(String className, String methodName, int line) {
    }

    /**
     * A stack that many events share (see {@link JfrMemo}): its frames, and once the profile has
     * interned them, their location ids, so a repeated stack costs one lookup instead of one per frame.
     */
    public static final class Stack {
        static final Stack EMPTY = new Stack(List.of(), false);
        private final List<Frame> frames;
        private final boolean leafNative;
        private int[] locationIds; // set by the profile that owns the memo; null until then

        Stack(List<Frame> frames, boolean leafNative) {
            this.frames = frames;
            this.leafNative = leafNative;
        }

        /** Leaf first. */
        public List<Frame> frames() {
            return frames;
        }

        /** Whether the recorded leaf frame (before any shaping) is a native method. */
        public boolean leafNative() {
            return leafNative;
        }
    }

    private static final Frame FOLDED = new Frame("[profcon: sample table full]", "", 0);

    private final String[][] sampleTypes;
    private final String defaultSampleType;
    private final String[] periodType;
    private final long period;
    private final int maxSamples;
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringList = new ArrayList<>();
    private final Map<String, Integer> functions = new HashMap<>();
    private final List<int[]> functionList = new ArrayList<>(); // name, filename string ids
    private final Map<Long, Integer> locations = new HashMap<>(); // (function << 32 | line) -> id
    private final Map<Frame, Integer> frameLocations = new HashMap<>(); // the same ids, without building a name
    private final List<long[]> locationList = new ArrayList<>(); // function id, line
    private final Map<Key, long[]> samples = new HashMap<>();
    private final List<String> comments = new ArrayList<>();
    private long events;
    private long folded;
    private Key foldedKey;
    private String[] extraLabels = new String[0];
    private Thread extraLabelsOwner; // the thread whose samples they are: another thread's adds never get them
    private java.util.function.Supplier<List<String>> lateComments = List::of;
    private final JfrMemo memo = new JfrMemo();

    /**
     * A sampled profile of time, as pprof's cpu profile: {@code samples/count} and {@code TYPE/nanoseconds},
     * default {@code TYPE}, period {@code TYPE/nanoseconds}. Both engines' cpu and wall profiles have
     * this shape, so reports and saved files are the same whichever engine made them.
     */
    public static StackProfile sampledTime(String type, long periodNanos, int maxSamples) {
        return new StackProfile(new String[][] {{"samples", "count"}, {type, "nanoseconds"}}, type,
                new String[] {type, "nanoseconds"}, periodNanos, maxSamples);
    }

    public StackProfile(String[][] sampleTypes, String defaultSampleType, String[] periodType, long period,
                        int maxSamples) {
        this.sampleTypes = sampleTypes;
        this.defaultSampleType = defaultSampleType;
        this.periodType = periodType;
        this.period = period;
        this.maxSamples = maxSamples;
        string("");
    }

    /**
     * Label pairs appended to every sample the calling thread adds from now on (the application's
     * profile labels for the event being fed, set by the JFR feed's {@code LabelSpans}), so no recipe
     * has to know about them. Only the calling thread's: a sampler adding to the same profile from its
     * own thread (the virtual-wait sampler) must not get the labels of whichever event is being fed.
     */
    public synchronized void extraLabels(String[] pairs) {
        extraLabels = pairs;
        extraLabelsOwner = Thread.currentThread();
    }

    /** The label pairs appended to every sample now, so a composite recipe can add its own and restore them. */
    public synchronized String[] extraLabels() {
        return extraLabels;
    }

    /** The memo of this profile's JFR stacks and threads; used by the thread that feeds events. */
    public JfrMemo memo() {
        return memo;
    }

    /** {@link #add(List, String[], long...)} for a memoised stack: its location ids are interned once. */
    public synchronized void add(Stack stack, String[] recipeLabels, long... values) {
        if (stack.locationIds == null && samples.size() < maxSamples) {
            int[] ids = new int[stack.frames.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = location(stack.frames.get(i));
            }
            stack.locationIds = ids;
        }
        if (stack.locationIds == null) {
            add(stack.frames, recipeLabels, values); // table full: nothing new may be interned
            return;
        }
        events++;
        String[] labels = withExtra(recipeLabels);
        int[] labelIds = samples.size() < maxSamples ? newLabelIds(labels) : existingLabelIds(labels);
        accumulate(labelIds == null ? null : new Key(stack.locationIds, labelIds), values);
    }

    /**
     * Adds one event's values to the sample of its stack (leaf first) and labels (key, value pairs).
     * Once the table is full, an event whose sample is not already there goes to the one folded
     * sample, and nothing new is interned: neither a new stack, frame nor thread name grows memory.
     */
    public synchronized void add(List<Frame> stack, String[] recipeLabels, long... values) {
        events++;
        String[] labels = withExtra(recipeLabels);
        boolean full = samples.size() >= maxSamples;
        accumulate(full ? existingKey(stack, labels) : newKey(stack, labels), values);
    }

    private String[] withExtra(String[] recipeLabels) {
        boolean mine = extraLabelsOwner == Thread.currentThread();
        return !mine || extraLabels.length == 0 ? recipeLabels : JfrStacks.concat(recipeLabels, extraLabels);
    }

    /** Adds values to the key's sample; a key that is null or new once the table is full goes to the folded sample. */
    private void accumulate(Key key, long[] values) {
        long[] sum = key == null ? null : samples.get(key);
        if (sum == null && key != null && samples.size() < maxSamples) {
            sum = new long[values.length];
            samples.put(key, sum);
        }
        if (sum == null) {
            folded++;
            if (foldedKey == null) {
                foldedKey = new Key(new int[] {location(FOLDED)}, new int[0]);
            }
            sum = samples.computeIfAbsent(foldedKey, k -> new long[values.length]);
        }
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
        }
    }

    private Key newKey(List<Frame> stack, String[] labels) {
        int[] locationIds = new int[stack.size()];
        for (int i = 0; i < locationIds.length; i++) {
            locationIds[i] = location(stack.get(i));
        }
        return new Key(locationIds, newLabelIds(labels));
    }

    private int[] newLabelIds(String[] labels) {
        int[] labelIds = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labelIds[i] = string(labels[i] == null ? "" : labels[i]);
        }
        return labelIds;
    }

    /** The key of a sample made only of what is already interned; null when anything is new. */
    private Key existingKey(List<Frame> stack, String[] labels) {
        int[] locationIds = new int[stack.size()];
        for (int i = 0; i < locationIds.length; i++) {
            Integer id = frameLocations.get(stack.get(i));
            if (id == null) {
                return null;
            }
            locationIds[i] = id;
        }
        int[] labelIds = existingLabelIds(labels);
        return labelIds == null ? null : new Key(locationIds, labelIds);
    }

    private int[] existingLabelIds(String[] labels) {
        int[] labelIds = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Integer id = strings.get(labels[i] == null ? "" : labels[i]);
            if (id == null) {
                return null;
            }
            labelIds[i] = id;
        }
        return labelIds;
    }

    /** A note written into the profile's comments (e.g. the settings it was collected with). */
    public synchronized void comment(String text) {
        comments.add(text);
    }

    /** Comments computed when the profile is encoded (a table that grows with the events), after the others. */
    public synchronized void lateComments(java.util.function.Supplier<List<String>> source) {
        lateComments = source;
    }

    public synchronized long events() {
        return events;
    }

    public synchronized int distinctSamples() {
        return samples.size();
    }

    /** Encodes the profile as (not gzipped) pprof protobuf. */
    public synchronized byte[] encode(long timeNanos, long durationNanos) {
        List<String> allComments = new ArrayList<>(comments);
        allComments.addAll(lateComments.get());
        if (folded > 0) {
            allComments.add("profcon: " + folded + " events folded into [profcon: sample table full]: more than "
                    + maxSamples + " distinct stacks");
        }
        return new PprofEncoder(this).encode(timeNanos, durationNanos, allComments);
    }

    private static long locationKey(int function, int line) {
        return ((long) function << 32) | (line & 0xffffffffL);
    }

    private static String functionName(String className, String methodName) {
        return methodName.isEmpty() ? className : className + "." + methodName;
    }

    private int location(Frame frame) {
        Integer known = frameLocations.get(frame);
        if (known != null) {
            return known;
        }
        int function = function(frame.className(), frame.methodName());
        long key = locationKey(function, frame.line());
        Integer id = locations.get(key);
        if (id == null) {
            locationList.add(new long[] {function, frame.line()});
            id = locationList.size();
            locations.put(key, id);
        }
        frameLocations.put(frame, id);
        return id;
    }

    private int function(String className, String methodName) {
        String name = functionName(className, methodName);
        Integer id = functions.get(name);
        if (id == null) {
            functionList.add(new int[] {string(name), string(sourceFile(className))});
            id = functionList.size();
            functions.put(name, id);
        }
        return id;
    }

    /** {@code com/example/Outer.java} for {@code com.example.Outer$Inner}: where a source tree keeps it. */
    static String sourceFile(String className) {
        // a C frame ("deflate [libz.so.1]", see JfrStacks) has no Java source; no Java class name holds a space
        if (className.startsWith("[") || className.isEmpty() || className.indexOf(' ') >= 0) {
            return "";
        }
        int dollar = className.indexOf('$');
        String outer = dollar > 0 ? className.substring(0, dollar) : className;
        return outer.replace('.', '/') + ".java";
    }

    int string(String s) {
        Integer id = strings.get(s);
        if (id == null) {
            stringList.add(s);
            id = stringList.size() - 1;
            strings.put(s, id);
        }
        return id;
    }

    /** The sampling period, in the period type's unit (the cpu recipe weighs each sample by it). */
    public long period() {
        return period;
    }

    // Accessors for the encoder (same package).
    String[][] sampleTypes() {
        return sampleTypes;
    }

    String defaultSampleType() {
        return defaultSampleType;
    }

    String[] periodType() {
        return periodType;
    }

    List<String> strings() {
        return stringList;
    }

    List<int[]> functionList() {
        return functionList;
    }

    List<long[]> locationList() {
        return locationList;
    }

    Map<Key, long[]> samples() {
        return samples;
    }

    /** A sample's identity: its location ids (leaf first) and label string ids. */
    record Key(int[] locations, int[] labels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(locations, k.locations) && Arrays.equals(labels, k.labels);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(locations) + Arrays.hashCode(labels);
        }
    }
}
