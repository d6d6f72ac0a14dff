package profcon.console.command;

import java.io.PrintWriter;
import java.util.List;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Invocation;

/** {@code debug}: the full stack trace of the last error, which the console otherwise keeps to one line. */
public final class DebugCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("debug", List.of(), "debug", "show the full stack trace of the last error",
                ArgCompleter.NONE, List.of());
    }

    @Override
    public void run(Invocation in) {
        Throwable last = in.dispatcher().lastError();
        PrintWriter out = in.out();
        if (last == null) {
            out.println("no error so far");
        } else {
            last.printStackTrace(out);
        }
    }
}
