package profcon.console.command;

import java.util.List;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Completion;
import profcon.console.LoadedProfile;
import profcon.console.Session;

/**
 * {@code quit}: leaves the console, detaching from the target. At a prompt, an unsaved live
 * profile earns one warning first; a second {@code quit} leaves anyway.
 */
public final class QuitCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("quit", List.of("exit", "q"), "quit", "detach from the target and leave",
                Completion.NONE, List.of());
    }

    @Override
    public void run(Session session, List<String> args) {
        LoadedProfile current = session.current();
        if (session.interactive() && current != null && current.unsaved() && !session.quitWarned()) {
            session.quitWarned(true);
            session.status("the " + current.source() + " is not saved: 'save FILE' keeps it; 'quit' again leaves without it");
            return;
        }
        session.requestQuit();
    }
}
