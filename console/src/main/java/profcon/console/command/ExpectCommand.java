package profcon.console.command;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandSpec;
import profcon.console.Invocation;


/**
 * {@code expect [COMMAND ARGS...] REGEX}: fails the runbook unless the output shows REGEX.
 * With a command ({@code expect top1 Metrics.record}) the dispatcher runs it, printed and
 * captured, and its output is checked; with only a regex, the last command's output is checked.
 * {@code expect finding=ID [CULPRIT_REGEX]} checks the last {@code explain}'s findings instead.
 */
public final class ExpectCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("expect", List.of(), "expect [COMMAND ARGS...] REGEX",
                "fail (exit 1) unless the command's output, or the last output, matches REGEX; finding=ID: unless the last "
                        + "explain found that shape (culprit matching the regex)", ArgCompleters.commands(),
                List.of("expect top1 Metrics.record", "expect 'Total: [1-9]'",
                        "expect finding=lock-contention 'Metrics\\.record'"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        List<String> args = in.args().words();
        if (args.isEmpty()) {
            throw new CommandException("usage: " + spec().usage());
        }
        if (args.get(0).startsWith(ExpectFinding.PREFIX)) {
            ExpectFinding.check(in.session().explanation(), args);
            return;
        }
        Pattern regex = regex(args.get(args.size() - 1));
        String shown;
        String what;
        if (args.size() == 1) {
            shown = in.dispatcher().lastOutput();
            what = "the last output";
            in.dispatcher().keepLastOutput(); // so several checks can read one command's output in turn
        } else {
            what = String.join(" ", args.subList(0, args.size() - 1));
            shown = in.dispatcher().runCaptured(args.subList(0, args.size() - 1), in.session(), in.out());
        }
        if (!regex.matcher(shown).find()) {
            throw new CommandException("expectation failed: " + what + " does not show /" + regex + "/"
                    + firstLine(shown));
        }
    }

    static Pattern regex(String text) throws CommandException {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new CommandException("expect: bad regex " + text + ": " + e.getDescription());
        }
    }

    private static String firstLine(String shown) {
        String first = shown.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return first.isEmpty() ? " (it printed nothing)" : " (it printed: " + first.strip() + " ...)";
    }
}
