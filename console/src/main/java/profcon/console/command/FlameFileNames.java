package profcon.console.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import profcon.console.LoadedProfile;
import profcon.model.ValueType;
import profcon.trace.Trace;

/** Default file names for {@code web}: named after the profile or trace, numbered so an earlier page is never overwritten. */
final class FlameFileNames {
    private FlameFileNames() {
    }

    /** {@code demo-cpu-1.html} for a file {@code demo-cpu.pb.gz}, {@code profcon-cpu-1.html} for a live cpu profile. */
    static Path next(LoadedProfile profile, Path dir) {
        return next(stem(profile), dir);
    }

    /** {@code checkout-timeline-1.html} for a trace read from {@code checkout.jfr}, {@code profcon-trace-timeline-1.html} for a live one. */
    static Path next(Trace trace, Path dir) {
        String name = Path.of(trace.source()).getFileName().toString();
        String stem = trace.source().endsWith(".jfr") && name.length() > 4 ? name.substring(0, name.length() - 4)
                : "profcon-trace";
        return next(stem + "-timeline", dir);
    }

    private static Path next(String stem, Path dir) {
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
