package profcon.console.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Opens a file in the desktop's browser with {@code open} (macOS) or {@code xdg-open} (a Linux desktop). */
final class Browser {
    private Browser() {
    }

    /** Starts the opener and returns at once; false when there is no desktop or no opener to ask. */
    static boolean open(Path file) {
        Optional<String> opener = opener();
        if (opener.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(opener.get(), file.toAbsolutePath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> opener() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Optional.of("open");
        }
        // Without a display, xdg-open would fall back to a text browser inside our own terminal.
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "xdg-open"))) {
                return Optional.of("xdg-open");
            }
        }
        return Optional.empty();
    }
}
