package profcon.console.command;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import profcon.agent.profile.Durations;
import profcon.console.Arguments;
import profcon.console.CommandException;
import profcon.console.Flags;
import profcon.threads.ThreadQuery;

/** The arguments of a {@code goroutines} command, parsed once: mode, flags, filter, agent options. */
record GoroutinesOptions(boolean diff, Duration interval, boolean full, boolean profile, boolean raw, boolean yes,
                         ThreadQuery query, int chunk) {
    static final String USAGE = "goroutines [REGEX] [state=STATE] [label=KEY[=VALUE]] [frames=N] [-full [--yes]] [-profile] [-raw] | "
            + "goroutines diff [WAIT] [REGEX]";

    /** The flags of {@code goroutines}, declared once: the parser and Tab completion read them. */
    static final Flags FLAGS = Flags.switches("-full", "-profile", "-raw", "--yes").options("state", "label", "frames", "chunk");

    static GoroutinesOptions parse(Arguments args) throws CommandException {
        boolean diff = !args.isEmpty() && args.words().get(0).equals("diff");
        boolean full = args.has("-full");
        if (full && diff) {
            throw new CommandException("goroutines diff compares grouped views; -full does not apply");
        }
        Duration interval = Duration.ZERO;
        String regex = null;
        List<String> positional = args.positional();
        for (String a : positional.subList(diff ? 1 : 0, positional.size())) {
            if (diff && interval.isZero() && a.matches("\\d+(ms|s|m)")) {
                interval = Durations.parse(a);
            } else if (a.startsWith("-")) {
                throw new CommandException("goroutines: unknown option " + a + "; usage: " + USAGE);
            } else if (regex == null) {
                regex = a;
            } else {
                throw new CommandException("goroutines: one REGEX only; usage: " + USAGE);
            }
        }
        int frames = number(args, "frames", ThreadQuery.DEFAULT_FRAMES);
        ThreadQuery query = new ThreadQuery(pattern(regex), args.option("state"), label(args.option("label")),
                full ? 0 : frames);
        return new GoroutinesOptions(diff, interval, full, args.has("-profile"), args.has("-raw"), args.has("--yes"),
                query, number(args, "chunk", 0));
    }

    private static int number(Arguments args, String option, int fallback) throws CommandException {
        String value = args.option(option);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CommandException("goroutines: " + option + "=" + value + " needs a whole number");
        }
    }

    /** {@code label=KEY} or {@code label=KEY=VALUE}; an empty key matches nothing, so it is refused. */
    private static String label(String value) throws CommandException {
        if (value != null && (value.isEmpty() || value.startsWith("="))) {
            throw new CommandException("goroutines: label=" + value + " needs a key: label=KEY or label=KEY=VALUE");
        }
        return value;
    }

    private static Pattern pattern(String regex) throws CommandException {
        try {
            return regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CommandException("goroutines: bad regex " + regex + ": " + e.getDescription());
        }
    }
}
