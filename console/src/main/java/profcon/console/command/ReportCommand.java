package profcon.console.command;

import java.util.List;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Completion;
import profcon.console.Session;
import profcon.console.CommandException;
import profcon.report.ReportSpec;
import profcon.report.JsonReports;
import profcon.report.Reports;

/** A pprof report (top, peek, traces...) over the current profile, as the report engine defines it. */
public final class ReportCommand implements Command {
    private final ReportSpec report;

    public ReportCommand(ReportSpec report) {
        this.report = report;
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(report.name(), report.aliases(), report.usage(), report.summary(),
                report.needsRegex() ? Completion.FUNCTION : Completion.REPORT_ARGS, List.of());
    }

    @Override
    public void run(Session session, List<String> args) throws Exception {
        boolean json = session.json() || args.contains("--json");
        List<String> rest = args.stream().filter(a -> !a.equals("--json")).toList();
        if (!json) {
            Reports.run(report.name(), rest, session.requireProfile().profile(), session.settings(), session.out(),
                    session.err());
        } else if (JsonReports.supports(report.name())) {
            JsonReports.write(report.name(), rest, session.requireProfile().profile(), session.settings(), session.out());
        } else {
            throw new CommandException("--json: top, traces and tags have a JSON form; run " + report.name()
                    + " without it");
        }
    }
}
