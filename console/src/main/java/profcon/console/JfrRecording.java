package profcon.console;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import profcon.agent.encoding.StackProfile;
import profcon.agent.jfr.LabelSpans;
import profcon.agent.jfr.Recipe;
import profcon.agent.jfr.Recipes;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * A .jfr recording made by anyone, read through the same recipes that serve a live target: one
 * profile per kind that found events in it.
 */
public final class JfrRecording {
    /** One kind's profile from the file and how many events made it. */
    public record Kind(String kind, long events, Profile profile) {
    }

    private final String name;
    private final List<Kind> kinds;

    private JfrRecording(String name, List<Kind> kinds) {
        this.name = name;
        this.kinds = kinds;
    }

    /** Reads every event once, feeding each recipe; a corrupt or truncated file is one IOException line. */
    public static JfrRecording read(Path file) throws IOException {
        List<Recipe> recipes = Recipes.jfr();
        List<StackProfile> profiles = new ArrayList<>();
        for (Recipe r : recipes) {
            StackProfile p = r.newProfile(r.defaults());
            p.comment("profcon: read from " + file.getFileName() + "; thresholds and periods are the recording's own");
            profiles.add(p);
        }
        Fed fed = feed(file, event -> true, recipes, profiles, Map.of());
        Instant first = fed.first();
        Instant last = fed.last();
        long start = first == null ? 0 : first.getEpochSecond() * 1_000_000_000L + first.getNano();
        long duration = first == null ? 0 : java.time.Duration.between(first, last).toNanos();
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            StackProfile p = profiles.get(i);
            if (p.events() > 0) {
                Profile decoded = PprofReader.parse(p.encode(start, duration), file + " (" + recipes.get(i).kind() + ")");
                kinds.add(new Kind(recipes.get(i).kind(), p.events(), decoded));
            }
        }
        return new JfrRecording(file.toString(), kinds);
    }

    /**
     * What {@link #feed} read: the first start and last end time of the events kept (nulls when there
     * were none), and whether labels set on virtual threads could not be joined: their events came
     * but no sample had a label frame (a labels library older than its frames; a sampler of carrier
     * threads, as async-profiler is, then cannot join them).
     */
    public record Fed(Instant first, Instant last, boolean virtualLabelsUnjoined) {
    }

    /**
     * Feeds every event of {@code file} that {@code keep} accepts to each recipe, with the labels in
     * force on its thread; {@code before} holds the labels threads had when the recording began (the
     * agent's {@code labels} reply), for spans begun before it. The native engine's recording goes
     * through here too, so both engines join labels alike.
     */
    public static Fed feed(Path file, Predicate<RecordedEvent> keep, List<? extends Recipe> recipes,
                           List<StackProfile> profiles, Map<Long, String[]> before) throws IOException {
        LabelSpans spans = labelTimelines(file);
        spans.seed(before);
        Instant first = null;
        Instant last = null;
        try (RecordingFile recording = open(file)) {
            for (RecordedEvent event = next(recording, file); event != null; event = next(recording, file)) {
                if (!keep.test(event)) {
                    continue;
                }
                first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
                last = last == null || event.getEndTime().isAfter(last) ? event.getEndTime() : last;
                for (int i = 0; i < recipes.size(); i++) {
                    spans.feed(event, recipes.get(i), profiles.get(i));
                }
            }
        }
        return new Fed(first, last, spans.virtualLabelsUnjoined());
    }

    /**
     * First pass: each thread's profile-label changes, so samples get the labels in force at their
     * time. A file's events are in no guaranteed order, and this keeps the second pass streaming.
     */
    private static LabelSpans labelTimelines(Path file) throws IOException {
        LabelSpans spans = LabelSpans.timeline();
        try (RecordingFile recording = open(file)) {
            for (RecordedEvent event = next(recording, file); event != null; event = next(recording, file)) {
                spans.update(event);
            }
        }
        return spans;
    }

    private static RecordingFile open(Path file) throws IOException {
        try {
            return new RecordingFile(file);
        } catch (IOException | RuntimeException | InternalError e) {
            throw damaged(file, e);
        }
    }

    /** The next event, null at the end; only the file's parsing is blamed on the file, never a recipe. */
    private static RecordedEvent next(RecordingFile recording, Path file) throws IOException {
        try {
            return recording.hasMoreEvents() ? recording.readEvent() : null;
        } catch (IOException | RuntimeException | InternalError e) {
            // RecordingFile reports damage as IOException, or as runtime errors from deep in its parser
            throw damaged(file, e);
        }
    }

    private static IOException damaged(Path file, Throwable e) {
        return new IOException("cannot read " + file + " as a JFR recording: it is corrupt or truncated ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }

    public List<Kind> kinds() {
        return kinds;
    }

    /** The kind asked for, or cpu when the file has execution samples, else the first kind with events. */
    public Kind choose(String kind) throws CommandException {
        if (kinds.isEmpty()) {
            throw new CommandException(name + " holds no events that make a profile (" + Recipes.jfr().stream()
                    .map(Recipe::kind).toList() + "): was the recording started after the work, or closed before "
                    + "it was dumped?");
        }
        if (kind == null) {
            return kinds.stream().filter(k -> k.kind().equals("cpu")).findFirst().orElse(kinds.get(0));
        }
        if (kind.equals("wall")) {
            throw new CommandException("a .jfr file has no wall-clock samples: wall profiles are sampled live by "
                    + "profcon's agent ('profile wall 5s'); " + holds());
        }
        try {
            Recipes.named(kind);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new CommandException("no " + kind + " events in " + name + "; " + holds()));
    }

    /** "recording.jfr holds cpu (1,234 samples), lock (56)". */
    public String holds() {
        List<String> parts = new ArrayList<>();
        for (Kind k : kinds) {
            parts.add(String.format(Locale.ROOT, "%s (%,d%s)", k.kind(), k.events(),
                    parts.isEmpty() ? " events" : ""));
        }
        return name + " holds " + String.join(", ", parts);
    }
}
