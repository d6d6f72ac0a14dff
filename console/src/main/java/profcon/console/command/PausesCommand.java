package profcon.console.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import profcon.agent.profile.Durations;
import profcon.agent.protocol.Request;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.Session;
import profcon.threads.PauseEvents;
import profcon.threads.PausesReport;
import profcon.threads.ThreadDumpFormatException;

/** {@code pauses DURATION [N]}: the pause view: safepoints and GC pauses recorded over DURATION, with causes. */
public final class PausesCommand implements Command {
    private static final Duration MAX = Duration.ofMinutes(10);

    @Override
    public CommandSpec spec() {
        return new CommandSpec("pauses", List.of(), "pauses DURATION [N] [-raw]",
                "record stop-the-world pauses (safepoints, GC) for DURATION and show causes and the N longest",
                ArgCompleter.NONE, List.of("pauses 10s", "pauses 30s 20")).withFlags(Flags.switches("-raw"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        boolean raw = in.args().has("-raw");
        List<String> args = in.args().positional();
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandException("usage: " + spec().usage());
        }
        Duration window;
        int longest;
        try {
            window = Durations.parse(args.get(0));
            longest = args.size() > 1 ? Integer.parseInt(args.get(1)) : 10;
        } catch (IllegalArgumentException e) {
            throw new CommandException("usage: " + spec().usage() + " (" + e.getMessage() + ")");
        }
        if (window.isZero() || window.compareTo(MAX) > 0) {
            throw new CommandException("pauses: DURATION must be more than 0 and at most 10m");
        }
        session.status("recording safepoints and GC pauses for " + args.get(0) + " ...");
        byte[] payload = session.requireTarget("pauses").channel().call(new Request.Pauses(window)).bytes();
        if (raw) {
            in.out().print(new String(payload, StandardCharsets.UTF_8)); // the agent's records, for fixtures
            return;
        }
        try {
            PausesReport.render(PauseEvents.parse(new String(payload, StandardCharsets.UTF_8)), longest,
                    in.out());
        } catch (ThreadDumpFormatException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
