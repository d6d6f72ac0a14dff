package profcon.console.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandLine;
import profcon.console.CommandRegistry;
import profcon.console.CommandSpec;
import profcon.console.Completion;
import profcon.console.Session;

/**
 * {@code expect [COMMAND ARGS...] REGEX}: fails the runbook unless the output shows REGEX.
 * With a command ({@code expect top1 Metrics.record}) the command runs and its output is
 * printed and checked; with only a regex, the last command's output is checked.
 */
public final class ExpectCommand implements Command {
    private final Supplier<CommandRegistry> registry;

    public ExpectCommand(Supplier<CommandRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec("expect", List.of(), "expect [COMMAND ARGS...] REGEX",
                "fail (exit 1) unless the command's output, or the last output, matches REGEX", Completion.COMMAND,
                List.of("expect top1 Metrics.record", "expect 'Total: [1-9]'"));
    }

    @Override
    public void run(Session session, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new CommandException("usage: " + spec().usage());
        }
        Pattern regex = regex(args.get(args.size() - 1));
        String shown;
        String what;
        if (args.size() == 1) {
            shown = session.lastOutput();
            what = "the last output";
            session.keepLastOutput(); // so several checks can read one command's output in turn
        } else {
            what = String.join(" ", args.subList(0, args.size() - 1));
            shown = runCaptured(session, args.subList(0, args.size() - 1));
        }
        if (!regex.matcher(shown).find()) {
            throw new CommandException("expectation failed: " + what + " does not show /" + regex + "/"
                    + firstLine(shown));
        }
    }

    private String runCaptured(Session session, List<String> words) throws Exception {
        CommandLine line = new CommandLine(words, null);
        Optional<Command> command = registry.get().find(line.name());
        if (command.isEmpty()) {
            line = line.splitTailDigits();
            command = registry.get().find(line.name());
        }
        String name = line.name();
        Command c = command.orElseThrow(() -> new CommandException("expect: unknown command '" + name + "'"));
        StringWriter captured = new StringWriter();
        PrintWriter previous = session.swapOut(new PrintWriter(captured));
        try {
            c.run(session, line.args());
        } finally {
            session.swapOut(previous);
        }
        previous.print(captured);
        previous.flush();
        return captured.toString();
    }

    private static Pattern regex(String text) throws CommandException {
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
