package profcon.console;

import java.util.ArrayList;
import java.util.List;
import profcon.console.command.DebugCommand;
import profcon.console.command.DetachCommand;
import profcon.console.command.EchoCommand;
import profcon.console.command.ExplainCommand;
import profcon.console.command.ExpectCommand;
import profcon.console.command.GoroutinesCommand;
import profcon.console.command.HeapdumpCommand;
import profcon.console.command.HistogramCommand;
import profcon.console.command.PausesCommand;
import profcon.console.command.HelpCommand;
import profcon.console.command.InfoCommand;
import profcon.console.command.LoadCommand;
import profcon.console.command.NativeCommand;
import profcon.console.command.ProfileCommand;
import profcon.console.command.PushCommand;
import profcon.console.command.QuitCommand;
import profcon.console.command.ReportCommand;
import profcon.console.command.SaveCommand;
import profcon.console.command.TimingCommand;
import profcon.console.command.SchedCommand;
import profcon.console.command.TraceCommand;
import profcon.console.command.WebCommand;
import profcon.report.ReportSpec;
import profcon.report.Reports;

/** Assembles the registry: the single list of everything the console understands. */
public final class Commands {
    private Commands() {
    }

    public static CommandRegistry registry() {
        return registry(Reports.specs());
    }

    /** The registry with {@code reports} as its report commands (the table, or the table plus a test's own). */
    public static CommandRegistry registry(List<ReportSpec> reports) {
        List<Command> commands = new ArrayList<>();
        commands.add(new ProfileCommand());
        for (ReportSpec report : reports) {
            commands.add(new ReportCommand(report));
        }
        commands.add(new WebCommand());
        commands.add(new ExplainCommand());
        commands.add(new TimingCommand());
        commands.add(new GoroutinesCommand());
        commands.add(new PausesCommand());
        commands.add(new SchedCommand());
        commands.add(new TraceCommand());
        commands.add(new HistogramCommand());
        commands.add(new HeapdumpCommand());
        commands.add(new SaveCommand());
        commands.add(new LoadCommand());
        commands.add(new PushCommand());
        commands.add(new InfoCommand());
        commands.add(new NativeCommand());
        commands.add(new DetachCommand());
        commands.add(new EchoCommand());
        commands.add(new ExpectCommand());
        commands.add(new DebugCommand());
        commands.add(new HelpCommand());
        commands.add(new QuitCommand());
        return new CommandRegistry(commands);
    }
}
