package profcon.console.command;

import java.time.Duration;
import profcon.agent.profile.Durations;
import profcon.console.CommandException;

/** A window's length as a command reads it: in (0, max], each command with its own words for one out of range. */
final class WindowArgument {
    private WindowArgument() {
    }

    /** {@code text} as a duration; Durations' own message when it does not parse, {@code outOfRange} outside (0, max]. */
    static Duration parse(String text, Duration max, String outOfRange) throws CommandException {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        check(d, max, outOfRange);
        return d;
    }

    static void check(Duration d, Duration max, String outOfRange) throws CommandException {
        if (d.isZero() || d.isNegative() || d.compareTo(max) > 0) {
            throw new CommandException(outOfRange);
        }
    }
}
