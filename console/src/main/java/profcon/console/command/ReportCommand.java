package profcon.console.command;

import profcon.console.ArgCompleters;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Flags;
import profcon.console.Invocation;
import profcon.model.Profile;
import profcon.report.ReportSpec;
import profcon.report.Reports;

/** A pprof report (top, peek, traces...) over the current profile, as its entry in the report table declares it. */
public final class ReportCommand implements Command {
    private static final Flags FLAGS = Flags.switches("--json");
    private final ReportSpec report;

    public ReportCommand(ReportSpec report) {
        this.report = report;
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(report.name(), report.aliases(), report.usage(), report.summary(),
                report.needsRegex() ? ArgCompleters.functions() : ArgCompleters.reportArgs(), report.examples())
                .withFlags(FLAGS);
    }

    @Override
    public void run(Invocation in) throws Exception {
        Profile profile = in.session().requireProfile().profile();
        if (in.session().json() || in.args().has("--json")) {
            Reports.json(report, in.args().positional(), profile, in.session().settings(), in.out());
        } else {
            Reports.run(report, in.args().positional(), profile, in.session().settings(), in.out(), in.err());
        }
    }
}
