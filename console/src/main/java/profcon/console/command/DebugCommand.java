package profcon.console.command;

import java.io.PrintWriter;
import java.util.List;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Completion;
import profcon.console.Session;

/** {@code debug}: the full stack trace of the last error, which the console otherwise keeps to one line. */
public final class DebugCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("debug", List.of(), "debug", "show the full stack trace of the last error",
                Completion.NONE, List.of());
    }

    @Override
    public void run(Session session, List<String> args) {
        Throwable last = session.lastError();
        PrintWriter out = session.out();
        if (last == null) {
            out.println("no error so far");
        } else {
            last.printStackTrace(out);
        }
    }
}
