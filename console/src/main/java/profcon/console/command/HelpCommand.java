package profcon.console.command;

import java.io.PrintWriter;
import java.util.List;
import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandException;
import profcon.console.CommandRegistry;
import profcon.console.CommandSpec;
import profcon.console.Invocation;

/** {@code help [COMMAND]}: generated from the registry, so it lists exactly what dispatch knows. */
public final class HelpCommand implements Command {
    @Override
    public CommandSpec spec() {
        return new CommandSpec("help", List.of("?"), "help [COMMAND]", "list the commands, or explain one",
                ArgCompleters.commands(), List.of("help", "help profile"));
    }

    @Override
    public void run(Invocation in) throws Exception {
        PrintWriter out = in.out();
        List<String> args = in.args().words();
        CommandRegistry registry = in.dispatcher().registry();
        if (args.isEmpty()) {
            overview(registry, out);
            return;
        }
        Command c = registry.find(args.get(0))
                .orElseThrow(() -> new CommandException("no command '" + args.get(0) + "'; type 'help' for the list"));
        detail(c.spec(), out);
        if (c instanceof Command.MoreHelp more) {
            more.moreHelp(out);
        }
    }

    private static void overview(CommandRegistry registry, PrintWriter out) {
        out.println("Commands:");
        for (Command c : registry.commands()) {
            String usage = c.spec().usage();
            if (usage.length() > 34) {
                out.printf(java.util.Locale.ROOT, "  %s%n  %-34s %s%n", usage, "", c.spec().summary());
            } else {
                out.printf(java.util.Locale.ROOT, "  %-34s %s%n", usage, c.spec().summary());
            }
        }
        out.println();
        out.println("  name=value                         set a report option for the commands that follow ('options' lists them)");
        out.println("  :                                  clear every focus/ignore/hide/show/tag filter");
        out.println("  COMMAND ... >FILE                  write a command's output to FILE");
        out.println();
        out.println("Type 'help COMMAND' for more. Ctrl-C stops a running command; Ctrl-D or 'quit' leaves.");
    }

    private static void detail(CommandSpec spec, PrintWriter out) {
        out.println("usage: " + spec.usage());
        out.println("  " + spec.summary());
        if (!spec.aliases().isEmpty()) {
            out.println("  also: " + String.join(", ", spec.aliases()));
        }
        if (!spec.examples().isEmpty()) {
            out.println("examples:");
            spec.examples().forEach(e -> out.println("  " + e));
        }
    }
}
