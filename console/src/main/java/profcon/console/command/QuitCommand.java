package profcon.console.command;

import java.util.List;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Invocation;
import profcon.console.LoadedProfile;
import profcon.console.Session;

/**
 * {@code quit}: leaves the console, detaching from the target. At a prompt, an unsaved live
 * profile earns one warning first; a second {@code quit} leaves anyway.
 */
public final class QuitCommand implements Command {
    // The profile the warning was given for: a second quit leaves, unless the profile changed since.
    private LoadedProfile warnedAbout;

    @Override
    public CommandSpec spec() {
        return new CommandSpec("quit", List.of("exit", "q"), "quit", "detach from the target and leave",
                ArgCompleter.NONE, List.of());
    }

    @Override
    public void run(Invocation in) {
        Session session = in.session();
        LoadedProfile current = session.current();
        if (session.interactive() && current != null && current.unsaved() && current != warnedAbout) {
            warnedAbout = current;
            session.status("the " + current.source() + " is not saved: 'save FILE' keeps it; 'quit' again leaves without it");
            return;
        }
        session.requestQuit();
    }
}
