package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** Lines that are not commands: pprof's sample-type shortcuts, and the demo's source path. */
class DispatcherTest {
    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            false);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry());

    @Test
    void meanAndTotalShortcutsSelectTheSampleIndexAndMean() throws Exception {
        assertThat(dispatcher.execute("load " + GoPprofAgreementTest.fixture("demo-cpu.pb.gz"), session)).isTrue();

        assertThat(dispatcher.execute("mean_cpu", session)).as(err.toString()).isTrue();
        assertThat(session.settings().get("sample_index")).isEqualTo("cpu");
        assertThat(session.settings().get("mean")).isEqualTo("true");
        // The mean CPU time per sample, where total_cpu (the default) gives 2.22s.
        assertThat(dispatcher.run("top1", session).orElseThrow()).contains("of 10ms total");

        assertThat(dispatcher.execute("total_samples", session)).as(err.toString()).isTrue();
        assertThat(session.settings().get("sample_index")).isEqualTo("samples");
        assertThat(session.settings().get("mean")).isEqualTo("false");
        assertThat(dispatcher.execute("mean_nosuchtype", session)).isFalse();
        assertThat(err.toString()).contains("unknown command 'mean_nosuchtype'");
    }

    @Test
    void theDemoSessionReadsSourcesFromTheCheckout() throws Exception {
        DemoSources.applyTo(session);

        String sourcePath = session.settings().get("source_path");
        assertThat(java.nio.file.Path.of(sourcePath).resolve("profcon/demo/Demo.java")).isRegularFile();
        assertThat(dispatcher.execute("load " + GoPprofAgreementTest.fixture("demo-cpu.pb.gz"), session)).isTrue();
        assertThat(dispatcher.run("list hotLoop", session).orElseThrow(() -> new AssertionError(err.toString())))
                .contains("Demo.java").doesNotContain("could not find");
    }
}
