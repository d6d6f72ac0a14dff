package profcon.console.command;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import profcon.console.CommandException;
import profcon.console.Session;
import profcon.trace.Trace;
import profcon.trace.TraceHtml;

/** {@code web} while a trace is current: writes the trace's timeline page, opens it, and says where. */
final class TimelinePage {
    private TimelinePage() {
    }

    static void write(Session session, List<String> args) throws Exception {
        Trace trace = session.trace();
        Path file = file(args);
        if (file == null) {
            file = FlameFileNames.next(trace, Path.of(System.getProperty("user.dir")));
        }
        StringWriter page = new StringWriter();
        TraceHtml.write(trace, WebCommand.title(trace.source()), page);
        WebCommand.save(file, page.toString());
        boolean opened = session.interactive() && Browser.open(file);
        session.status("timeline of " + trace.source() + " written to " + file
                + (opened ? " (opened in the browser)" : "; open it in a browser"));
    }

    // The timeline draws every thread and has no filters: anything but a file name is a mistake worth saying.
    private static Path file(List<String> args) throws CommandException {
        Path file = null;
        for (String arg : args) {
            if (!WebCommand.isHtmlFile(arg) || file != null) {
                throw new CommandException("web on a trace takes only FILE.html, not '" + arg
                        + "' (the timeline has no filters; 'web flame " + arg + "' for the trace's flame graph)");
            }
            file = Path.of(arg);
        }
        return file;
    }
}
