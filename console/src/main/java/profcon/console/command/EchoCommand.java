package profcon.console.command;

import java.util.List;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Invocation;

/** {@code echo TEXT}: prints a line, so a runbook's output says what each step is for. */
public final class EchoCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("echo", List.of(), "echo TEXT", "print TEXT (for runbooks)", ArgCompleter.NONE,
                List.of("echo == lock contention =="));
    }

    @Override
    public void run(Invocation in) {
        in.out().println(String.join(" ", in.args().words()));
    }
}
