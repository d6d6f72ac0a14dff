package profcon.console.command;

import java.util.List;
import org.jline.reader.Candidate;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Command;
import profcon.console.Invocation;
import profcon.console.Session;
import profcon.engine.NativePolicy;

/**
 * {@code native [off]}: says whether this session may load native code into a target, and with
 * {@code off} refuses it from then on, as {@code --no-native} does: a runbook's own way to forbid
 * native code. One way only: a script cannot allow what the operator's command line refused.
 */
public final class NativeCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("native", List.of(), "native [off]",
                "say whether native code (async-profiler's library) may be loaded; 'off' refuses it for this session",
                (in, candidates) -> candidates.add(new Candidate("off")), List.of("native", "native off"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        List<String> words = in.args().words();
        Session session = in.session();
        NativePolicy policy = session.nativePolicy();
        if (words.size() == 1 && words.get(0).equals("off")) {
            policy.refuse();
        } else if (!words.isEmpty()) {
            throw new CommandException("usage: native [off]");
        }
        in.out().println(policy.refused()
                ? "native code refused: cpu and wall use JFR (whose cpu shares are biased when the CPUs are busy); "
                        + "a library loaded before stays in its JVM, idle"
                : "native code allowed: cpu uses async-profiler where its library loads ('native off' or --no-native "
                        + "refuses it)");
    }
}
