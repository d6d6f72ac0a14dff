package profcon.console.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import profcon.agent.encoding.StackProfile;
import profcon.agent.jfr.Recipe;
import profcon.agent.jfr.Recipes;
import profcon.console.CommandException;
import profcon.console.JfrRecording;
import profcon.console.LoadedProfile;
import profcon.explain.Evidence;
import profcon.explain.ProfileKinds;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * explain's offline evidence: a .jfr recording read through the same composite recipe as a live
 * window, or saved profiles (or the current one) sorted by kind. A kind with no events in a
 * recording counts as absent: a file does not say whether its events were enabled.
 */
final class ExplainFiles {
    private ExplainFiles() {
    }

    static Evidence of(List<String> files) throws IOException, CommandException {
        if (files.size() == 1 && files.get(0).endsWith(".jfr")) {
            return recording(Path.of(files.get(0)));
        }
        Map<String, Profile> kinds = new HashMap<>();
        for (String f : files) {
            Path p = Path.of(f);
            if (!Files.isReadable(p)) {
                throw new CommandException("explain: cannot read " + f);
            }
            add(kinds, PprofReader.read(p), f);
        }
        return evidence(String.join(", ", files), kinds);
    }

    static Evidence current(LoadedProfile current) throws CommandException {
        Map<String, Profile> kinds = new HashMap<>();
        add(kinds, current.profile(), current.source());
        return evidence("the current profile (" + current.source() + ")", kinds);
    }

    private static void add(Map<String, Profile> kinds, Profile p, String name) throws CommandException {
        if (ProfileKinds.isComposite(p)) {
            kinds.putAll(ProfileKinds.split(p));
            return;
        }
        String kind = ProfileKinds.kindOf(p);
        if (kind == null) {
            throw new CommandException("explain: " + name + " is no cpu, lock, block or explain profile (its types: "
                    + p.sampleTypes() + ")");
        }
        kinds.put(kind, p);
    }

    private static Evidence evidence(String source, Map<String, Profile> kinds) {
        long window = kinds.values().stream().mapToLong(Profile::durationNanos).max().orElse(0);
        return new Evidence(source, window, "", kinds.get("cpu"), kinds.get("lock"), kinds.get("block"),
                kinds.get("pause"), null, null);
    }

    private static Evidence recording(Path file) throws IOException, CommandException {
        Recipe explain = Recipes.explain();
        StackProfile p = explain.newProfile(explain.defaults());
        JfrRecording.Fed fed = JfrRecording.feed(file, e -> true, List.of(explain), List.of(p), Map.of());
        if (fed.first() == null) {
            throw new CommandException("explain: " + file + " holds no events (was the recording started after the "
                    + "work, or closed before it was dumped?)");
        }
        long start = fed.first().getEpochSecond() * 1_000_000_000L + fed.first().getNano();
        long duration = Duration.between(fed.first(), fed.last()).toNanos();
        Map<String, Profile> kinds = new HashMap<>(ProfileKinds.split(PprofReader.parse(p.encode(start, duration),
                file.toString())));
        kinds.values().removeIf(k -> k.samples().isEmpty()); // absent, not healthy: see the class comment
        return evidence(file.toString(), kinds);
    }
}
