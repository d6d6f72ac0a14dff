package profcon.console.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.console.ArgCompleter;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.console.Session;
import profcon.threads.ClassHistogramReport;

/** {@code histogram [N] [-all] [--yes]}: the class histogram of live objects (a full GC and heap walk: warned, confirmed, measured). */
public final class HistogramCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("histogram", List.of(), "histogram [N] [-all] [--yes]",
                "class histogram of the heap (stops the target: warns and asks first; -all skips the full GC)",
                ArgCompleter.NONE, List.of("histogram", "histogram 40 --yes"))
                .withFlags(Flags.switches("-all", "--yes"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        Session session = in.session();
        int rows = 20;
        boolean all = in.args().has("-all");
        boolean yes = in.args().has("--yes");
        for (String a : in.args().positional()) {
            rows = rows(a);
        }
        AgentChannel channel = session.requireTarget("histogram").channel();
        Reply.Estimate estimate = PauseGuard.estimate(channel, Request.Estimate.Kind.HISTOGRAM);
        PauseGuard.check(session, "histogram", String.format(Locale.ROOT, "%s heap walk of %,d MB in use",
                all ? "a" : "a full GC and a", estimate.heapUsed() >> 20), estimate, yes);
        Reply.Histogram reply = channel.call(new Request.Histogram(all));
        session.status(PauseGuard.measured("histogram", reply.callNanos(), reply.stallNanos(), estimate));
        ClassHistogramReport.render(new String(reply.text(), StandardCharsets.UTF_8), rows, in.out());
    }

    private static int rows(String word) throws CommandException {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new CommandException("usage: histogram [N] [-all] [--yes]");
        }
    }
}
