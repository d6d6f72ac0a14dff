package profcon.console.command;

import java.util.List;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.Session;

/** {@code detach}: ends the agent's session in the target and keeps the console open for saved profiles. */
public final class DetachCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("detach", List.of(), "detach",
                "stop profiling and release the target; the current profile stays", ArgCompleter.NONE, List.of());
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        long pid = session.requireTarget("detach").pid();
        session.detach();
        session.status("detached from " + pid);
    }
}
