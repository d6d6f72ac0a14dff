package profcon.console.command;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.agent.jfr.Recipes;
import profcon.agent.jfr.TimingRecipe;
import profcon.agent.profile.Durations;
import profcon.agent.profile.MethodFilter;
import profcon.agent.timing.MethodMatches;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.Session;
import profcon.console.Target;

/**
 * {@code timing FILTER DURATION}: every call of the methods FILTER names, timed by JFR (JDK 25,
 * JEP 520) for DURATION: the latency table per method, and the slow calls as the current profile.
 * Tracing costs the target per call, so it warns and asks first, and bounds both the window and
 * the methods it may instrument (docs/timing.md).
 */
public final class TimingCommand implements Command {
    /** Long enough for a percentile of rare calls; short enough that a forgotten window costs little. */
    static final Duration MAX = Duration.ofMinutes(5);

    @Override
    public CommandSpec spec() {
        return new CommandSpec("timing", List.of(), "timing FILTER DURATION [threshold=1ms] [--yes] [--json]",
                "count and time every call of the methods FILTER names (JDK 25+): calls, calls/s, min, mean, p50, "
                        + "p90, p99, max; the slow calls become the current profile",
                ArgCompleter.NONE, List.of("timing com.acme.Cart::checkout 10s", "timing com.acme.Cart 30s threshold=5ms",
                        "timing @jakarta.ws.rs.GET,com.acme.Db::query 10s --yes"))
                .withFlags(Flags.switches("--yes", "--json").options("threshold"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        List<String> words = in.args().positional();
        if (words.size() != 2) {
            throw new CommandException("usage: " + spec().usage());
        }
        MethodFilter filter = filter(words.get(0));
        Duration duration = duration(words.get(1));
        Session session = in.session();
        Target target = session.requireTarget("timing");
        int feature = target.jvm().vm().feature();
        if (feature < TimingRecipe.NEEDS_FEATURE) {
            throw new CommandException("timing needs JDK " + TimingRecipe.NEEDS_FEATURE + " (JFR method timing); target "
                    + target.pid() + " runs JDK " + feature + ": try 'profile wall " + words.get(1) + "', then 'focus="
                    + focus(filter) + "' and 'top'");
        }
        confirm(session, filter, duration, in.args().has("--yes"));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("filter", filter.toString());
        if (in.args().option("threshold") != null) {
            options.put("threshold", in.args().option("threshold"));
        }
        ProfileCommand.profile(session, Recipes.named("timing"), duration, options);
        if (in.args().has("--json")) {
            TimingReport.json(session.current().profile(), in.out());
        } else {
            TimingReport.write(session.current().profile(), in.out());
        }
    }

    /** What a wall profile would focus on instead: the first part's method or class, as pprof names it. */
    static String focus(MethodFilter filter) {
        MethodFilter.Part p = filter.parts().get(0);
        if (p.annotation() != null) {
            return p.annotation().substring(p.annotation().lastIndexOf('.') + 1);
        }
        return p.methodName() == null ? p.className() : p.className() + "." + p.methodName();
    }

    private static MethodFilter filter(String text) throws CommandException {
        try {
            return MethodFilter.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private static Duration duration(String text) throws CommandException {
        return WindowArgument.parse(text, MAX, "timing's duration must be more than 0 and at most "
                + Durations.format(MAX) + " (every call of a traced method is recorded), got " + text);
    }

    /** Warns that tracing costs every call, then asks (at a prompt) or needs --yes (in scripts). */
    private static void confirm(Session session, MethodFilter filter, Duration duration, boolean yes)
            throws CommandException {
        long pid = session.target().pid();
        session.status("warning: timing makes JFR instrument the bytecode of " + filter + " in target " + pid
                + " (at most " + MethodMatches.MAX_METHODS + " methods) and record an event with its stack for every "
                + "call for " + Durations.format(duration) + ": a few microseconds per call (docs/timing.md); the "
                + "instrumentation is removed when the window ends");
        if (session.assumeYes() || yes) {
            return;
        }
        if (!session.interactive()) {
            throw new CommandException("refused: timing would trace every call of " + filter + " in target " + pid
                    + "; nothing was run. Add --yes to the command or to profcon's command line to accept the cost");
        }
        if (!session.confirm("Trace every call of " + filter + " in target " + pid + " for " + Durations.format(duration)
                + "?")) {
            throw new CommandException("cancelled: target " + pid + " was not instrumented");
        }
    }
}
