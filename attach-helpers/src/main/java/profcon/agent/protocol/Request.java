package profcon.agent.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import profcon.agent.channel.Wire;

/**
 * A request from the console to the agent, typed by the reply it gets. Each request is one record
 * here, with its line of words on the wire ({@link #words}), how that line reads back (the verb
 * table, {@link #parse}), and how its reply reads ({@link #reply}); both ends go through
 * {@link Codec}. Records check their arguments when built, so a bad request fails the same way
 * in the console that builds it and in the agent that reads it.
 */
public sealed interface Request<R extends Reply> {
    /** The request on the wire: its verb, then its arguments, each one word. */
    List<String> words();

    /** Reads this request's reply from an OK frame. */
    R reply(Wire.Reply frame) throws ProtocolException;

    /** The verb table: the request a line of words stands for; IllegalArgumentException with the reason when none. */
    static Request<?> parse(String line) {
        List<String> words = Arrays.asList(line.trim().split("\\s+"));
        List<String> args = words.subList(1, words.size());
        String verb = words.get(0);
        return switch (verb) {
            case "info" -> bare(verb, args, new Info());
            case "start" -> Start.parse(args);
            case "progress" -> bare(verb, args, new Progress());
            case "stop" -> bare(verb, args, new Stop());
            case "snapshot" -> bare(verb, args, new Snapshot());
            case "detach" -> bare(verb, args, new Detach());
            case "labels" -> bare(verb, args, new Labels());
            case "native-guard" -> NativeGuard.parse(args);
            case "threads" -> Threads.parse(args);
            case "threads-full" -> bare(verb, args, new ThreadsFull());
            case "estimate" -> Estimate.parse(args);
            case "heapdump" -> new HeapDump(!flag(verb, args, "live=false"));
            case "histogram" -> new Histogram(flag(verb, args, "all"));
            case "pauses" -> Pauses.parse(args);
            case "thread-ids" -> bare(verb, args, new ThreadIds());
            case "jfr-init" -> bare(verb, args, new JfrInit());
            case "trace" -> Trace.parse(args);
            default -> throw new IllegalArgumentException("unknown request '" + verb + "'");
        };
    }

    private static <T> T bare(String verb, List<String> args, T request) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(verb + " takes no arguments, got '" + args.get(0) + "'");
        }
        return request;
    }

    /** True when the one optional word {@code word} follows the verb. */
    private static boolean flag(String verb, List<String> args, String word) {
        if (args.size() > 1 || (args.size() == 1 && !args.get(0).equals(word))) {
            throw new IllegalArgumentException(verb + " takes only '" + word + "', got '" + String.join(" ", args) + "'");
        }
        return args.size() == 1;
    }

    /** The requests the agent's thread and heap diagnostics serve. */
    sealed interface Diagnostic<R extends Reply> extends Request<R> {
    }

    /** {@code info}: describe the target. */
    record Info() implements Request<Reply.Info> {
        @Override
        public List<String> words() {
            return List.of("info");
        }

        @Override
        public Reply.Info reply(Wire.Reply frame) {
            return Reply.Info.from(frame);
        }
    }

    /**
     * {@code start KIND [window_ms=N] [key=value]...}: start collecting a profile; the agent checks kind and
     * options. A window (to the millisecond; zero for none) lets the agent end the profile by itself that
     * long after recording began, so the window's events are delivered by the time the console's stop
     * comes; without one the window ends at the stop.
     */
    record Start(String kind, Map<String, String> options, Duration window) implements Request<Reply.Started> {
        static final String WINDOW = "window_ms";

        public Start {
            if (kind.isEmpty() || kind.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("start needs a profile kind, got '" + kind + "'");
            }
            if (options.containsKey(WINDOW)) {
                throw new IllegalArgumentException(WINDOW + " is the profile's duration, not an option");
            }
            if (window.isNegative()) {
                throw new IllegalArgumentException("start needs a window of 0 ms or more, got " + window.toMillis() + " ms");
            }
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
            window = Duration.ofMillis(window.toMillis());
        }

        /** A start without a window: the console's stop ends it. */
        public Start(String kind, Map<String, String> options) {
            this(kind, options, Duration.ZERO);
        }

        /** Options from {@code key=value} words, in order (a later key wins); IllegalArgumentException for any other word. */
        public static Map<String, String> options(List<String> words) {
            Map<String, String> options = new LinkedHashMap<>();
            for (String word : words) {
                int eq = word.indexOf('=');
                if (eq <= 0 || word.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("expected key=value, got '" + word + "'");
                }
                options.put(word.substring(0, eq), word.substring(eq + 1));
            }
            return options;
        }

        /** The options as the words they were read from. */
        public List<String> optionWords() {
            List<String> words = new ArrayList<>();
            options.forEach((k, v) -> words.add(k + "=" + v));
            return words;
        }

        static Start parse(List<String> args) {
            if (args.isEmpty()) {
                throw new IllegalArgumentException("start needs a profile kind");
            }
            Map<String, String> options = options(args.subList(1, args.size()));
            String window = options.remove(WINDOW);
            return new Start(args.get(0), options, window == null ? Duration.ZERO : Duration.ofMillis(millis(window)));
        }

        private static long millis(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(WINDOW + " must be a whole number of milliseconds, got '" + text + "'");
            }
        }

        @Override
        public List<String> words() {
            List<String> words = new ArrayList<>(List.of("start", kind));
            if (!window.isZero()) {
                words.add(WINDOW + "=" + window.toMillis());
            }
            words.addAll(optionWords());
            return words;
        }

        @Override
        public Reply.Started reply(Wire.Reply frame) throws ProtocolException {
            return Reply.Started.from(frame);
        }
    }

    /** {@code progress}: how the profile being collected is going. */
    record Progress() implements Request<Reply.Progress> {
        @Override
        public List<String> words() {
            return List.of("progress");
        }

        @Override
        public Reply.Progress reply(Wire.Reply frame) throws ProtocolException {
            return Reply.Progress.from(frame);
        }
    }

    /** {@code stop}: stop the profile and take it. */
    record Stop() implements Request<Reply.Collected> {
        @Override
        public List<String> words() {
            return List.of("stop");
        }

        @Override
        public Reply.Collected reply(Wire.Reply frame) throws ProtocolException {
            return Reply.Collected.from(frame);
        }
    }

    /** {@code snapshot}: the profile so far; collection goes on. */
    record Snapshot() implements Request<Reply.Collected> {
        @Override
        public List<String> words() {
            return List.of("snapshot");
        }

        @Override
        public Reply.Collected reply(Wire.Reply frame) throws ProtocolException {
            return Reply.Collected.from(frame);
        }
    }

    /**
     * {@code labels}: every thread's application labels now, one line {@code tid k1=v1;k2=v2} each
     * (the labels library's escapes), so a recording made outside the agent (the native engine's)
     * can label the samples of spans begun before it started. The payload is named {@code labels},
     * or {@code no-library} when the application has not loaded the labels library at all.
     */
    /**
     * {@code jfr-init}: a command about to start a JFR stream asks the agent to initialise JFR now, on
     * a thread of its own, while the command's other requests (explain's first thread snapshot) are
     * answered: a JVM's first use of JFR takes seconds. Answered at once with the payload {@code jfr-init}
     * (empty). Nothing is recorded until the stream starts.
     */
    record JfrInit() implements Request<Reply.Payload> {
        @Override
        public List<String> words() {
            return List.of("jfr-init");
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }

    record Labels() implements Request<Reply.Payload> {
        @Override
        public List<String> words() {
            return List.of("labels");
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }

    /**
     * {@code native-guard PATH|-}: the console started async-profiler from the library at {@code PATH}
     * in this target (or, with {@code -}, stopped it). Should the console vanish before it clears the
     * guard, the agent stops the profiler itself instead of leaving it to its timeout. The payload is
     * named {@code guarded} or {@code cleared}.
     */
    record NativeGuard(String library) implements Request<Reply.Payload> {
        public static final String NONE = "-";

        public NativeGuard {
            if (library.isEmpty() || library.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("native-guard takes one path without spaces, or '-'");
            }
        }

        static NativeGuard parse(List<String> args) {
            if (args.size() != 1) {
                throw new IllegalArgumentException("native-guard takes one path, or '-'");
            }
            return new NativeGuard(args.get(0));
        }

        @Override
        public List<String> words() {
            return List.of("native-guard", library);
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }

    /** {@code detach}: end the session; the agent stops everything, then answers. */
    record Detach() implements Request<Reply.Detached> {
        @Override
        public List<String> words() {
            return List.of("detach");
        }

        @Override
        public Reply.Detached reply(Wire.Reply frame) {
            return Reply.Detached.from(frame);
        }
    }

    /** {@code threads [chunk=N]}: the grouped thread dump, without a global safepoint; chunk 0 is the agent's default. */
    record Threads(int chunk) implements Diagnostic<Reply.Payload> {
        public Threads {
            if (chunk < 0) {
                throw new IllegalArgumentException("chunk must be at least 1");
            }
        }

        static Threads parse(List<String> args) {
            if (args.isEmpty()) {
                return new Threads(0);
            }
            if (args.size() > 1 || !args.get(0).startsWith("chunk=")) {
                throw new IllegalArgumentException("threads takes only chunk=N, got '" + String.join(" ", args) + "'");
            }
            int chunk;
            try {
                chunk = Integer.parseInt(args.get(0).substring(6));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("chunk must be a whole number, got '" + args.get(0) + "'");
            }
            if (chunk < 1) {
                throw new IllegalArgumentException("chunk must be at least 1");
            }
            return new Threads(chunk);
        }

        @Override
        public List<String> words() {
            return chunk == 0 ? List.of("threads") : List.of("threads", "chunk=" + chunk);
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }

    /** {@code threads-full}: every thread with its locks, in one global safepoint. */
    record ThreadsFull() implements Diagnostic<Reply.Payload> {
        @Override
        public List<String> words() {
            return List.of("threads-full");
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }

    /** {@code estimate full|heapdump|histogram}: how long that operation would stop the target. */
    record Estimate(Estimate.Kind kind) implements Diagnostic<Reply.Estimate> {
        /** The operations that stop the whole target. */
        public enum Kind {
            FULL, HEAPDUMP, HISTOGRAM;

            String word() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        static Estimate parse(List<String> args) {
            for (Kind k : Kind.values()) {
                if (args.size() == 1 && args.get(0).equals(k.word())) {
                    return new Estimate(k);
                }
            }
            throw new IllegalArgumentException("estimate needs full, heapdump or histogram");
        }

        @Override
        public List<String> words() {
            return List.of("estimate", kind.word());
        }

        @Override
        public Reply.Estimate reply(Wire.Reply frame) throws ProtocolException {
            return Reply.Estimate.from(frame);
        }
    }

    /** {@code heapdump [live=false]}: an HPROF dump into the session directory, live objects only unless not {@code live}. */
    record HeapDump(boolean live) implements Diagnostic<Reply.HeapDump> {
        @Override
        public List<String> words() {
            return live ? List.of("heapdump") : List.of("heapdump", "live=false");
        }

        @Override
        public Reply.HeapDump reply(Wire.Reply frame) throws ProtocolException {
            return Reply.HeapDump.from(frame);
        }
    }

    /** {@code histogram [all]}: the class histogram, after a full GC unless {@code all}. */
    record Histogram(boolean all) implements Diagnostic<Reply.Histogram> {
        @Override
        public List<String> words() {
            return all ? List.of("histogram", "all") : List.of("histogram");
        }

        @Override
        public Reply.Histogram reply(Wire.Reply frame) throws ProtocolException {
            return Reply.Histogram.from(frame);
        }
    }

    /** {@code pauses MILLIS}: record safepoints and GC pauses for a window of 1 ms to 10 minutes. */
    record Pauses(Duration window) implements Diagnostic<Reply.Payload> {
        public static final Duration MAX = Duration.ofMinutes(10);

        public Pauses {
            if (window.toMillis() <= 0 || window.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("pauses needs a window of 1 to " + MAX.toMillis() + " ms");
            }
        }

        static Pauses parse(List<String> args) {
            long ms = -1; // not a number: the range error says what is accepted
            try {
                ms = args.size() == 1 ? Long.parseLong(args.get(0)) : -1;
            } catch (NumberFormatException e) {
                // ms stays -1
            }
            return new Pauses(Duration.ofMillis(ms));
        }

        @Override
        public List<String> words() {
            return List.of("pauses", Long.toString(window.toMillis()));
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }

    /**
     * {@code thread-ids}: every Java thread's native id, Java id, kind ({@code java}, or {@code jvm} for
     * a hidden one) and name, one line each, so the console can name what {@code /proc} measures per
     * native thread; taken without a global safepoint. The payload is named {@code thread-ids}.
     */
    record ThreadIds() implements Request<Reply.Payload> {
        @Override
        public List<String> words() {
            return List.of("thread-ids");
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }

    /**
     * {@code trace start MILLIS | sched INTERVAL_NS READ_AT_MS ROW... | limits KEY=VALUE... | stop}: a trace's
     * recording in the target: start it for a window of 1 ms to 60 s (the payload {@code tracing} is
     * the file's path in the session directory), commit the console's sched readings into it (an
     * interval's length, when it ended in milliseconds since the epoch, and rows
     * {@code tid:cpu_ns:runqueue_ns:voluntary:involuntary}; payload {@code sched}), commit the
     * window's CPU limits ({@code limits}), and stop it (payload {@code traced}, the file's path).
     */
    record Trace(String action, List<String> args) implements Request<Reply.Payload> {
        public static final Duration MAX = Duration.ofSeconds(60);
        private static final List<String> ACTIONS = List.of("start", "sched", "limits", "stop");

        public Trace {
            args = List.copyOf(args);
            if (!ACTIONS.contains(action)) {
                throw new IllegalArgumentException("trace takes start, sched, limits or stop, got '" + action + "'");
            }
            if (action.equals("start")) {
                long ms = args.size() == 1 ? millis(args.get(0)) : -1;
                if (ms < 1 || ms > MAX.toMillis()) {
                    throw new IllegalArgumentException("trace start needs a window of 1 to " + MAX.toMillis() + " ms");
                }
            } else if (action.equals("sched") && (args.size() < 2 || millis(args.get(0)) < 0 || millis(args.get(1)) < 0)) {
                throw new IllegalArgumentException("trace sched needs the interval in ns and its end in epoch ms, then rows");
            } else if (action.equals("stop") && !args.isEmpty()) {
                throw new IllegalArgumentException("trace stop takes no arguments");
            }
        }

        public static Trace start(Duration window) {
            return new Trace("start", List.of(Long.toString(window.toMillis())));
        }

        public static Trace sched(long intervalNanos, long readAtMillis, List<String> rows) {
            List<String> args = new ArrayList<>(List.of(Long.toString(intervalNanos), Long.toString(readAtMillis)));
            args.addAll(rows);
            return new Trace("sched", args);
        }

        public static Trace limits(Map<String, String> fields) {
            List<String> args = new ArrayList<>();
            fields.forEach((k, v) -> args.add(k + "=" + v));
            return new Trace("limits", args);
        }

        public static Trace stop() {
            return new Trace("stop", List.of());
        }

        /** The window of a {@code start}. */
        public Duration window() {
            return Duration.ofMillis(millis(args.get(0)));
        }

        private static long millis(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        static Trace parse(List<String> args) {
            if (args.isEmpty()) {
                throw new IllegalArgumentException("trace takes start, sched, limits or stop");
            }
            return new Trace(args.get(0), args.subList(1, args.size()));
        }

        @Override
        public List<String> words() {
            List<String> words = new ArrayList<>(List.of("trace", action));
            words.addAll(args);
            return words;
        }

        @Override
        public Reply.Payload reply(Wire.Reply frame) {
            return Reply.Payload.from(frame);
        }
    }
}
