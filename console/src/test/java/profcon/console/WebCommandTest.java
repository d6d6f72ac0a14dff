package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code web} through the real console: writes the page with the session's and the command's settings, says where. */
class WebCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesThePageAndPrintsOneStatusLine() throws Exception {
        Path page = tmp.resolve("demo.html");
        ConsoleRun run = ConsoleRun.of(fixture().toString(), "-c", "web " + page);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("flame graph of " + fixture() + " written to " + page
                + "; open it in a browser\n");
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .contains("<title>profcon: cpu flame graph of demo-cpu.pb.gz</title>")
                .contains("{\"name\":\"profcon.demo.Demo.hotLoop\",\"self\":2120000000,\"total\":2120000000,");
    }

    @Test
    void sessionSettingsAndCommandOptionsApplyAsForTop() throws Exception {
        Path page = tmp.resolve("counter.html");
        ConsoleRun run = ConsoleRun.of(fixture().toString(), "-c",
                "sample_index=samples; flame Counter " + page + " hide=Lambda; top");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("<span>Type: samples</span>")
                .contains("<span>Active filters: focus=Counter hide=Lambda</span>")
                .doesNotContain("Demo.hotLoop").doesNotContain("Lambda.run");
        assertThat(run.out()).as("options given to web last for that command only").contains("hotLoop");
    }

    @Test
    void anUnwritableFileIsOneLineError() {
        ConsoleRun run = ConsoleRun.of(fixture().toString(), "-c", "web " + tmp.resolve("no/such/dir/x.html"));
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).startsWith("cannot write " + tmp.resolve("no/such/dir/x.html") + ": ")
                .doesNotContain("Exception");
    }

    @Test
    void aBadRegexpLeavesNoPageBehind() {
        Path page = tmp.resolve("bad.html");
        ConsoleRun run = ConsoleRun.of(fixture().toString(), "-c", "web " + page + " focus=(");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).startsWith("parsing focus regexp: ");
        assertThat(page).doesNotExist();
    }

    static Path fixture() {
        try {
            return GoPprofAgreementTest.fixture("demo-cpu.pb.gz");
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
