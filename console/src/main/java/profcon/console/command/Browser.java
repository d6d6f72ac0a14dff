package profcon.console.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens a file in the desktop's browser with {@code open} (macOS) or {@code xdg-open} (a Linux desktop). */
final class Browser {
    private Browser() {
    }

    /** Starts the opener and returns at once; false when there is no desktop or no opener to ask. */
    static boolean open(Path file) {
        List<String> command = opener();
        if (command.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(command.get(0), file.toAbsolutePath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> opener() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open");
        }
        // Without a display, xdg-open would fall back to a text browser inside our own terminal.
        boolean desktop = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!desktop) {
            return List.of();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "xdg-open"))) {
                return List.of("xdg-open");
            }
        }
        return List.of();
    }
}
