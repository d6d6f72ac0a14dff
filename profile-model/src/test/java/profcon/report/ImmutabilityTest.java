package profcon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.model.Location;
import profcon.model.Profile;

/** Reports work on copies: line-dropping filters and per-call options leave the loaded profile as it was. */
class ImmutabilityTest {
    @Test
    void filtersDoNotChangeTheLoadedProfile() throws ReportException {
        Profile p = ReportsRunTest.javaProfile();
        List<List<profcon.model.Line>> linesBefore = p.locations().stream().map(Location::lines).toList();
        String before = run(p, "top");
        for (String filter : List.of("hide=Handler", "show=Metrics", "show_from=Handler", "prune_from=Metrics",
                "focus=Codec", "ignore=Server", "tagshow=nothing", "tagroot=thread", "granularity=lines")) {
            run(p, "top", filter);
            run(p, "traces", filter);
        }
        assertThat(p.locations().stream().map(Location::lines).toList()).isEqualTo(linesBefore);
        assertThat(run(p, "top")).isEqualTo(before);
    }

    @Test
    void commentsOptionsAndTagWords() throws ReportException {
        Profile p = ProfileOps.addComment(ReportsRunTest.javaProfile(), "recorded by profcon");
        assertThat(run(p, "comments")).isEqualTo("recorded by profcon\n");
        assertThat(run(p, "o")).contains("  granularity               = functions");
        assertThat(run(p, "tags", "thread")).startsWith("TagFocus expression matched no samples\n");
    }

    private static String run(Profile p, String cmd, String... args) throws ReportException {
        StringWriter w = new StringWriter();
        Reports.run(cmd, List.of(args), p, Settings.defaults(), new PrintWriter(w));
        return w.toString();
    }
}
