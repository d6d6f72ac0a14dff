package profcon.console.command;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import profcon.agent.profile.Durations;
import profcon.console.CommandException;
import profcon.threads.ThreadQuery;

/** The words of a {@code goroutines} command, parsed once: mode, flags, filter, agent options. */
record GoroutinesOptions(boolean diff, Duration interval, boolean full, boolean profile, boolean raw, boolean yes,
                         ThreadQuery query, int chunk) {
    static final String USAGE = "goroutines [REGEX] [state=STATE] [frames=N] [-full [--yes]] [-profile] [-raw] | "
            + "goroutines diff [WAIT] [REGEX]";

    static GoroutinesOptions parse(List<String> args) throws CommandException {
        boolean diff = !args.isEmpty() && args.get(0).equals("diff");
        Duration interval = Duration.ZERO;
        boolean full = false;
        boolean profile = false;
        boolean raw = false;
        boolean yes = false;
        String regex = null;
        String state = null;
        int frames = ThreadQuery.DEFAULT_FRAMES;
        int chunk = 0;
        for (String a : args.subList(diff ? 1 : 0, args.size())) {
            switch (a) {
                case "-full" -> full = true;
                case "-profile" -> profile = true;
                case "-raw" -> raw = true;
                case "--yes" -> yes = true;
                default -> {
                    if (a.startsWith("state=")) {
                        state = a.substring(6);
                    } else if (a.startsWith("frames=")) {
                        frames = number(a, 7);
                    } else if (a.startsWith("chunk=")) {
                        chunk = number(a, 6);
                    } else if (diff && interval.isZero() && a.matches("\\d+(ms|s|m)")) {
                        interval = Durations.parse(a);
                    } else if (a.startsWith("-")) {
                        throw new CommandException("goroutines: unknown option " + a + "; usage: " + USAGE);
                    } else if (regex == null) {
                        regex = a;
                    } else {
                        throw new CommandException("goroutines: one REGEX only; usage: " + USAGE);
                    }
                }
            }
        }
        if (full && diff) {
            throw new CommandException("goroutines diff compares grouped views; -full does not apply");
        }
        ThreadQuery query = new ThreadQuery(pattern(regex), state, full ? 0 : frames);
        return new GoroutinesOptions(diff, interval, full, profile, raw, yes, query, chunk);
    }

    private static int number(String word, int from) throws CommandException {
        try {
            return Integer.parseInt(word.substring(from));
        } catch (NumberFormatException e) {
            throw new CommandException("goroutines: " + word + " needs a whole number");
        }
    }

    private static Pattern pattern(String regex) throws CommandException {
        try {
            return regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CommandException("goroutines: bad regex " + regex + ": " + e.getDescription());
        }
    }
}
