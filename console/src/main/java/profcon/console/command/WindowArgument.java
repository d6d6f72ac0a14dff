package profcon.console.command;

import java.time.Duration;
import profcon.agent.profile.Durations;
import profcon.console.CommandException;

/** A window's length as a command reads it: in [min, max], each command with its own words for one out of range. */
final class WindowArgument {
    /** The default lower bound: any length above zero. */
    private static final Duration ABOVE_ZERO = Duration.ofNanos(1);

    private WindowArgument() {
    }

    /** {@code text} as a duration; Durations' own message when it does not parse, {@code outOfRange} outside (0, max]. */
    static Duration parse(String text, Duration max, String outOfRange) throws CommandException {
        return parse(text, ABOVE_ZERO, max, outOfRange, null);
    }

    /**
     * {@code text} as a duration in [min, max]; when it does not parse, Durations' message after the
     * command's {@code usage} (when not null), {@code outOfRange} outside the range.
     */
    static Duration parse(String text, Duration min, Duration max, String outOfRange, String usage)
            throws CommandException {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(usage == null ? e.getMessage() : "usage: " + usage + " (" + e.getMessage() + ")");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new CommandException(outOfRange);
        }
        return d;
    }

    static void check(Duration d, Duration max, String outOfRange) throws CommandException {
        if (d.compareTo(ABOVE_ZERO) < 0 || d.compareTo(max) > 0) {
            throw new CommandException(outOfRange);
        }
    }
}
