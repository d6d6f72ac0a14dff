package profcon.console.command;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import profcon.attach.AgentClient;
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

    /** The agent's estimate for {@code kind}, as key/value pairs (platform, heap_used, estimate_ns, model). */
    static Map<String, String> estimate(AgentClient client, String kind) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String message = client.call("estimate " + kind).message();
        int model = message.indexOf(" model=");
        for (String word : message.substring(0, model < 0 ? message.length() : model).split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                values.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        values.put("model", model < 0 ? "" : message.substring(model + 7));
        return values;
    }

    /**
     * Warns, then asks (at a prompt) or checks for {@code --yes} (in scripts); throws when the
     * operation must not run.
     */
    static void check(Session session, String operation, String whatStops, Map<String, String> estimate,
                      boolean yesOnCommand) throws CommandException {
        long pid = session.target().pid();
        String pause = ms(Long.parseLong(estimate.getOrDefault("estimate_ns", "0")));
        session.status(String.format(Locale.ROOT, "warning: %s stops target %d entirely (a global safepoint): %s",
                operation, pid, whatStops));
        session.status("  estimated pause: " + pause + " (" + estimate.get("model") + ")");
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
    static String measured(String operation, long callNanos, long stallNanos, Map<String, String> estimate) {
        return String.format(Locale.ROOT, "%s: measured pause %s (the stopping call); a probe thread in the target "
                + "stalled %s; estimated %s", operation, ms(callNanos), ms(stallNanos),
                ms(Long.parseLong(estimate.getOrDefault("estimate_ns", "0"))));
    }

    static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** A {@code key=value} word of an agent message, or {@code fallback}. */
    static String word(String message, String key, String fallback) {
        for (String w : message.split(" ")) {
            if (w.startsWith(key + "=")) {
                return w.substring(key.length() + 1);
            }
        }
        return fallback;
    }
}
