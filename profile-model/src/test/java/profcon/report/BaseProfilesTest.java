package profcon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A base profile is read once per setting of diff_base/base, not once per report. */
class BaseProfilesTest {
    private final List<String> reads = new ArrayList<>();

    private Settings counting() {
        return Settings.defaults().withBaseReader(value -> {
            reads.add(value);
            return ReportsRunTest.javaProfile();
        });
    }

    @Test
    void theBaseIsReadOnceAcrossReportsAndCopies() throws ReportException {
        Settings s = counting().set("diff_base", "before.pb.gz");
        String first = ReportsRunTest.run(s, "top");
        String second = ReportsRunTest.run(s.set("nodecount", "2"), "top");
        ReportsRunTest.run(s.clearFilters(), "traces");

        assertThat(reads).containsExactly("before.pb.gz");
        // The profile minus itself: every difference is zero.
        assertThat(first).contains("Showing nodes accounting for 0, 0% of 450ms total");
        assertThat(second).contains("of 450ms total");
    }

    @Test
    void settingTheBaseAgainReadsItAgain() throws ReportException {
        Settings s = counting().set("base", "a.pb.gz");
        ReportsRunTest.run(s, "top");
        Settings again = s.set("base", "a.pb.gz").set("diff_base", "b.pb.gz");
        ReportsRunTest.run(again, "top");
        ReportsRunTest.run(again, "top", "diff_base=c.pb.gz"); // for this call only: read for it

        assertThat(reads).containsExactly("a.pb.gz", "b.pb.gz", "c.pb.gz");
    }
}
