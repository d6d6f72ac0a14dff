package profcon.console.command;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.flame.FlameGraphHtml;
import profcon.report.Reports;
import profcon.report.Settings;

/**
 * {@code web [flame] [FILE.html]}: writes the current profile as an interactive flame graph page, or
 * after {@code trace} the trace's timeline, and opens it.
 */
public final class WebCommand implements Command {
    private static final String FLAME = "flame";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("web", List.of(FLAME),
                "web [flame] [FILE.html] [regexp]... [-regexp]... [name=value]...",
                "write the current profile as an interactive flame graph, or after 'trace' its timeline"
                        + " ('web flame': the trace's flame graph), as one HTML file, and open it",
                ArgCompleters.reportArgs(), List.of("web", "web focus=Cache", "flame cpu.html", "web flame"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        List<String> args = in.args().words();
        // A first word "flame" asks for the flame graph even when a trace is current.
        boolean flame = !args.isEmpty() && args.get(0).equals(FLAME);
        args = flame ? args.subList(1, args.size()) : args;
        if (session.trace() != null && !flame) {
            TimelinePage.write(session, args);
        } else {
            flameGraph(session, args);
        }
    }

    private static void flameGraph(Session session, List<String> args) throws Exception {
        LoadedProfile current = session.requireProfile();
        List<String> options = new ArrayList<>();
        Path file = null;
        for (String arg : args) {
            if (isHtmlFile(arg) && file == null) {
                file = Path.of(arg);
            } else {
                options.add(arg);
            }
        }
        Settings settings = Reports.commandSettings("web", options, session.settings());
        if (file == null) {
            file = FlameFileNames.next(current, Path.of(System.getProperty("user.dir")));
        }
        write(current, settings, file, session);
        boolean opened = session.interactive() && Browser.open(file);
        session.status("flame graph of " + current.source() + " written to " + file
                + (opened ? " (opened in the browser)" : "; open it in a browser"));
    }

    static boolean isHtmlFile(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return !arg.contains("=") && (lower.endsWith(".html") || lower.endsWith(".htm"));
    }

    private static void write(LoadedProfile current, Settings settings, Path file, Session session)
            throws Exception {
        // Rendered before the file is opened, so a bad regexp leaves no empty page behind.
        StringWriter page = new StringWriter();
        List<String> warnings = FlameGraphHtml.write(current.profile(), settings, title(current.source()), page);
        save(file, page.toString());
        warnings.forEach(session::status);
    }

    /** Writes a rendered page to {@code file}, or says in one line why it cannot. */
    static void save(Path file, String page) throws CommandException {
        if (Files.isDirectory(file)) {
            throw new CommandException("cannot write " + file + ": it is a directory");
        }
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + reason(e));
        }
    }

    /** A loaded file's name without its directories: the page title is no place for a long path. */
    static String title(String source) {
        Path path = Path.of(source);
        return Files.isRegularFile(path) ? path.getFileName().toString() : source;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return String.valueOf(e.getMessage());
    }
}
