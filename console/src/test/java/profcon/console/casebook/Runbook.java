package profcon.console.casebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import profcon.console.ConsoleRun;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * A runbook from {@code scripts/runbooks}, run against a target through profcon's real main
 * path, with one line added after each profile it collects: {@code save} to a temporary file,
 * so the test can decode what the runbook saw.
 */
record Runbook(String name, Path file) {
    static final Path DIR = Path.of("..", "scripts", "runbooks");

    static Runbook named(String name) {
        return new Runbook(name, DIR.resolve(name + ".pfc"));
    }

    /** What a run printed and every profile it collected, in order. */
    record Result(ConsoleRun run, List<Profile> profiles) {
    }

    Result runAgainst(long pid, Path tmp) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> withSaves = new ArrayList<>();
        List<Path> saved = new ArrayList<>();
        Path unsaved = null;
        for (String line : lines) {
            // an explain replaces the current profile too (with its top finding's)
            if ((line.startsWith("profile ") || line.startsWith("explain")) && unsaved != null) {
                withSaves.add("save " + unsaved); // the previous profile, before it is replaced
                unsaved = null;
            }
            if (line.startsWith("profile ")) {
                unsaved = tmp.resolve(name + "-" + saved.size() + ".pb.gz");
                saved.add(unsaved);
            }
            withSaves.add(line);
        }
        if (unsaved != null) {
            withSaves.add("save " + unsaved);
        }
        Path copy = tmp.resolve(name + ".pfc");
        Files.write(copy, withSaves);
        ConsoleRun run = ConsoleRun.of(Long.toString(pid), "-f", copy.toString());
        List<Profile> profiles = new ArrayList<>();
        for (Path p : saved) {
            if (Files.exists(p)) {
                profiles.add(PprofReader.read(p));
            }
        }
        return new Result(run, profiles);
    }
}
