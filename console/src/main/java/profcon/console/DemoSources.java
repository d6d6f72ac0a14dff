package profcon.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import profcon.report.ReportException;

/**
 * Finds the demo's sources in the checkout profcon runs from, so that {@code list hotLoop} shows
 * source lines in the demo console: looked for above the JBang script ({@code jbang.source}),
 * above the demo classes' code source, and above the working directory.
 */
public final class DemoSources {
    private static final Path SOURCES = Path.of("demo-targets", "src", "main", "java");
    private static final Path DEMO = Path.of("profcon", "demo", "Demo.java");
    private static final int LEVELS = 6;

    private DemoSources() {
    }

    /** Points the session's {@code source_path} at the demo's sources when they are found; else changes nothing. */
    public static void applyTo(Session session) {
        find().ifPresent(dir -> {
            try {
                session.settings(session.settings().set("source_path", dir.toString()));
            } catch (ReportException e) {
                throw new IllegalStateException("source_path takes any string", e);
            }
        });
    }

    /** {@code demo-targets/src/main/java} of the checkout, when one holds {@code profcon/demo/Demo.java}. */
    public static Optional<Path> find() {
        for (Path start : starts()) {
            Path dir = start.toAbsolutePath().normalize();
            for (int level = 0; dir != null && level < LEVELS; level++, dir = dir.getParent()) {
                Path sources = dir.resolve(SOURCES);
                if (Files.isRegularFile(sources.resolve(DEMO))) {
                    return Optional.of(sources);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> starts() {
        List<Path> starts = new ArrayList<>();
        String script = System.getProperty("jbang.source");
        if (script != null) {
            starts.add(Path.of(script).toAbsolutePath().getParent());
        }
        codeSource().ifPresent(starts::add);
        starts.add(Path.of(System.getProperty("user.dir")));
        return starts;
    }

    private static Optional<Path> codeSource() {
        try {
            var source = Class.forName(DemoTarget.MAIN_CLASS, false, DemoSources.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty(); // no demo classes, or a location that is no file: look elsewhere
        }
    }
}
