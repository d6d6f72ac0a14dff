package profcon.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import profcon.model.Profile;
import profcon.model.Sample;

/** Application labels in the grouped view, the {@code label=} filter and the goroutine profile. */
class ThreadLabelsTest {
    // three request threads stuck in one place (two tenants), one idle worker without labels
    private static final String DUMP = String.join("\n", ThreadDumpCodec.MAGIC, "view\tgrouped",
            "T\t21\treq-1\tWAITING\t\t-1\t\t-1\t", "F\tapp.Export\tawait\tExport.java\t10",
            "T\t22\treq-2\tWAITING\t\t-1\t\t-1\t", "R\t21",
            "T\t23\treq-3\tWAITING\t\t-1\t\t-1\t", "R\t21",
            "T\t24\tworker\tWAITING\t\t-1\t\t-1\t", "R\t21",
            "L\t21\tendpoint\t/export\ttenant\tacme", "L\t22\tendpoint\t/export\ttenant\tacme",
            "L\t23\tendpoint\t/export\ttenant\tglobex", "");

    @Test
    void aGroupShowsEachLabelSetWithItsCount() throws Exception {
        ThreadDump dump = dump();
        String out = render(q -> GroupedThreadsReport.render(dump, ThreadQuery.all(), q));

        assertThat(out).contains("4 threads: WAITING 4\n  names: req-[1..3], worker\n"
                + "  labels: (none) 1; endpoint=/export tenant=acme 2; endpoint=/export tenant=globex 1\n");
    }

    @Test
    void labelFilterKeepsOnlyThreadsWithThatLabel() throws Exception {
        ThreadDump dump = dump();
        String acme = render(q -> GroupedThreadsReport.render(dump, new ThreadQuery(null, null, "tenant=acme", 12), q));
        String anyTenant = render(q -> GroupedThreadsReport.render(dump, new ThreadQuery(null, null, "tenant", 12), q));

        assertThat(acme).contains("among 2 threads labelled tenant=acme").contains("names: req-[1..2]\n")
                .doesNotContain("globex").doesNotContain("worker");
        assertThat(anyTenant).contains("among 3 threads labelled tenant").contains("names: req-[1..3]\n");
        assertThat(new ThreadQuery(null, null, "tenant=nobody", 0).apply(dump().threads())).isEmpty();
    }

    @Test
    void goroutineProfileKeepsLabelsAsSampleLabels() throws Exception {
        Profile p = GoroutineProfile.of(dump());

        assertThat(p.samples()).hasSize(3);
        Sample acme = p.samples().stream().filter(s -> "acme".equals(s.label("tenant"))).findFirst().orElseThrow();
        assertThat(acme.values()).containsExactly(2L);
        assertThat(acme.label("endpoint")).isEqualTo("/export");
        assertThat(acme.label("state")).isEqualTo("WAITING");
        assertThat(p.samples()).filteredOn(s -> s.label("tenant") == null).singleElement()
                .satisfies(s -> assertThat(s.values()).containsExactly(1L));
    }

    private static ThreadDump dump() throws ThreadDumpFormatException {
        return ThreadDumpCodec.parse(DUMP, "test");
    }

    private static String render(Consumer<PrintWriter> report) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            report.accept(out);
        }
        return s.toString();
    }
}
