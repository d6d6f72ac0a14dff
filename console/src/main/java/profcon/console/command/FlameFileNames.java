package profcon.console.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import profcon.console.LoadedProfile;
import profcon.model.ValueType;

/** Default file names for {@code web}: named after the profile, numbered so an earlier page is never overwritten. */
final class FlameFileNames {
    private FlameFileNames() {
    }

    /** {@code demo-cpu-1.html} for a file {@code demo-cpu.pb.gz}, {@code profcon-cpu-1.html} for a live cpu profile. */
    static Path next(LoadedProfile profile, Path dir) {
        String stem = stem(profile);
        for (int n = 1; ; n++) {
            Path candidate = dir.resolve(stem + "-" + n + ".html");
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    static String stem(LoadedProfile profile) {
        // A loaded profile's source is its file name; a live one's is a description ("live cpu profile of pid 42").
        if (profile.source().matches(".*\\.(pb|pb\\.gz|pprof|gz)")) {
            String name = Path.of(profile.source()).getFileName().toString();
            String stem = name.replaceFirst("\\.(pb|pb\\.gz|pprof|gz)$", "");
            if (!stem.isEmpty()) {
                return stem;
            }
        }
        List<ValueType> types = profile.profile().sampleTypes();
        String kind = types.isEmpty() ? "profile" : types.get(types.size() - 1).type();
        return "profcon-" + kind.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
