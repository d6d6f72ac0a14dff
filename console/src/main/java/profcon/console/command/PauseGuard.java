package profcon.console.command;

import java.io.IOException;
import java.util.Locale;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.console.CommandException;
import profcon.console.Session;

/**
 * The safety rule for operations that stop the whole target (full thread dump, heap dump, class
 * histogram): before, say what will stop and for about how long (the agent's estimate, calibrated
 * on this target) and ask; in a script, refuse unless {@code --yes} was given on the command line
 * or on the command. Afterwards the command reports the pause measured in the target.
 */
final class PauseGuard {
    private PauseGuard() {
    }

    /** The agent's estimate for {@code kind}: the pause, the sizes it scales with, and how it was made. */
    static Reply.Estimate estimate(AgentChannel channel, Request.Estimate.Kind kind) throws IOException {
        return channel.call(new Request.Estimate(kind));
    }

    /**
     * Warns, then asks (at a prompt) or checks for {@code --yes} (in scripts); throws when the
     * operation must not run.
     */
    static void check(Session session, String operation, String whatStops, Reply.Estimate estimate,
                      boolean yesOnCommand) throws CommandException {
        long pid = session.target().pid();
        String pause = ms(estimate.estimateNanos());
        session.status(String.format(Locale.ROOT, "warning: %s stops target %d entirely (a global safepoint): %s",
                operation, pid, whatStops));
        session.status("  estimated pause: " + pause + " (" + estimate.model() + ")");
        if (session.assumeYes() || yesOnCommand) {
            return;
        }
        if (!session.interactive()) {
            throw new CommandException("refused: " + operation + " would pause target " + pid + " for about " + pause
                    + " (stop-the-world); nothing was run. Add --yes to the command or to profcon's command line to "
                    + "accept the pause risk");
        }
        if (!session.confirm("Stop target " + pid + " for about " + pause + "?")) {
            throw new CommandException("cancelled: target " + pid + " was not stopped");
        }
    }

    /** The status line after the operation: what was measured, next to what was estimated. */
    static String measured(String operation, long callNanos, long stallNanos, Reply.Estimate estimate) {
        return String.format(Locale.ROOT, "%s: measured pause %s (the stopping call); a probe thread in the target "
                + "stalled %s; estimated %s", operation, ms(callNanos), ms(stallNanos),
                ms(estimate.estimateNanos()));
    }

    static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
