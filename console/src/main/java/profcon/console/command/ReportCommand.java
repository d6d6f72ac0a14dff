package profcon.console.command;

import java.util.List;
import profcon.console.Command;
import profcon.console.CommandSpec;
import profcon.console.Completion;
import profcon.console.Session;
import profcon.report.ReportSpec;
import profcon.report.JsonReports;
import profcon.report.Reports;

/** A pprof report (top, peek, traces...) over the current profile, as the report engine defines it. */
public final class ReportCommand implements Command {
    private static final java.util.Map<String, List<String>> EXAMPLES = java.util.Map.of(
            "top", List.of("top10", "top -cum 20", "top10 focus=Cache tagignore=kind=sleep", "top --json"),
            "peek", List.of("peek Metrics.record", "peek 'Cache\\.(get|put)'"),
            "tree", List.of("tree 15", "tree focus=Producer"),
            "traces", List.of("traces", "traces hotLoop", "traces --json"),
            "tags", List.of("tags", "tags tagshow=lockclass", "tags --json"),
            "list", List.of("list Cache.get", "list Metrics.record source_path=src/main/java"),
            "comments", List.of("comments"),
            "options", List.of("options", "nodecount=20"));
    private final ReportSpec report;

    public ReportCommand(ReportSpec report) {
        this.report = report;
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(report.name(), report.aliases(), report.usage(), report.summary(),
                report.needsRegex() ? Completion.FUNCTION : Completion.REPORT_ARGS,
                EXAMPLES.getOrDefault(report.name(), List.of()));
    }

    @Override
    public void run(Session session, List<String> args) throws Exception {
        boolean json = session.json() || args.contains("--json");
        List<String> rest = args.stream().filter(a -> !a.equals("--json")).toList();
        if (!json) {
            Reports.run(report.name(), rest, session.requireProfile().profile(), session.settings(), session.out(),
                    session.err());
        } else {
            JsonReports.write(report.name(), rest, session.requireProfile().profile(), session.settings(), session.out());
        }
    }
}
