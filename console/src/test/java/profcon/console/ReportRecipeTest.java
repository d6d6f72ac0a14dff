package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import profcon.report.JsonReports;
import profcon.report.ReportException;
import profcon.report.ReportSpec;
import profcon.report.Reports;
import profcon.report.Settings;

/**
 * The recipe for a report: one entry in the report table, and it is in help, Tab completion,
 * dispatch (with its alias and the topN abbreviation's split), expect, and --json.
 */
class ReportRecipeTest {
    private static final ReportSpec COUNT = new ReportSpec("samplecount", List.of("sc"), "samplecount",
            "Counts the profile's samples", List.of("samplecount", "samplecount --json"), false,
            (r, out) -> out.print(r.profile().samples().size() + " samples\n"),
            (r, out) -> out.println("{\"report\":\"samplecount\",\"samples\":" + r.profile().samples().size() + "}"));

    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            false);
    private final CommandRegistry registry = Commands.registry(withCount());
    private final Dispatcher dispatcher = new Dispatcher(registry);

    private static List<ReportSpec> withCount() {
        List<ReportSpec> reports = new ArrayList<>(Reports.specs());
        reports.add(COUNT);
        return reports;
    }

    private String run(String line) throws Exception {
        return dispatcher.run(line, session).orElseThrow(() -> new AssertionError(line + ": " + err));
    }

    @Test
    void aReportRegisteredOnceIsEverywhere() throws Exception {
        run("load " + GoPprofAgreementTest.fixture("demo-cpu.pb.gz"));

        assertThat(run("help")).contains("samplecount").contains("Counts the profile's samples");
        assertThat(run("help sc")).contains("usage: samplecount").contains("also: sc").contains("samplecount --json");
        assertThat(complete("sam")).contains("samplecount");
        assertThat(complete("samplecount ")).contains("--json");
        assertThat(run("samplecount")).isEqualTo("6 samples\n");
        assertThat(run("sc")).isEqualTo("6 samples\n");
        assertThat(run("samplecount --json")).isEqualTo("{\"report\":\"samplecount\",\"samples\":6}\n");
        assertThat(run("expect samplecount '^6 samples'")).isEqualTo("6 samples\n");
        session.json(true);
        assertThat(run("sc")).startsWith("{\"report\":\"samplecount\"");
    }

    @Test
    void aReportNotInTheTableIsAnErrorInTextAndJson() throws Exception {
        run("load " + GoPprofAgreementTest.fixture("demo-cpu.pb.gz"));
        var profile = session.current().profile();
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> JsonReports.write("samplecount", List.of(), profile, Settings.defaults(),
                new PrintWriter(out))).isInstanceOf(ReportException.class).hasMessage("unrecognized command: \"samplecount\"");
        assertThat(out.toString()).isEmpty();
        assertThat(new Dispatcher(Commands.registry()).execute("samplecount --json", session)).isFalse();
        assertThat(err.toString()).contains("unknown command 'samplecount'");
    }

    private List<String> complete(String typed) {
        List<Candidate> candidates = new ArrayList<>();
        new ConsoleCompleter(registry, session).complete(null, new DefaultParser().parse(typed, typed.length()),
                candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
