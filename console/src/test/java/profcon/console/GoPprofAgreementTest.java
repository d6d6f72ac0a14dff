package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CPU profile that profcon collected from its demo target, and what {@code go tool pprof}
 * (Go 1.19) printed for it: profcon's reports over the same file must print the same table.
 * The goldens were made with {@code go tool pprof -top|-top -cum|-traces FILE}, keeping the
 * part after Go's file/type/time header lines, which profcon prints in compact form.
 */
class GoPprofAgreementTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "top, demo-cpu.go-pprof-top.txt, Showing nodes",
        "top -cum, demo-cpu.go-pprof-top-cum.txt, Showing nodes",
        "traces, demo-cpu.go-pprof-traces.txt, -----------"})
    void profconPrintsWhatGoToolPprofPrints(String command, String golden, String firstLine) throws Exception {
        ConsoleRun run = ConsoleRun.of(fixture("demo-cpu.pb.gz").toString(), "-c", command);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(from(run.out(), firstLine)).isEqualTo(read(golden));
    }

    /** {@code go tool pprof -top -diff_base=F F} prints an empty table against F's total; so does profcon. */
    @org.junit.jupiter.api.Test
    void diffBaseFlagAgainstTheSameProfileLeavesNothing() throws Exception {
        String file = fixture("demo-cpu.pb.gz").toString();
        ConsoleRun run = ConsoleRun.of("--diff_base=" + file, file, "-c", "top");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Showing nodes accounting for 0, 0% of 2.22s total\n"
                + "      flat  flat%   sum%        cum   cum%\n");
    }

    private static String from(String output, String firstLine) {
        int start = output.indexOf(firstLine);
        return start < 0 ? output : output.substring(start);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(GoPprofAgreementTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static String read(String name) throws IOException {
        try (InputStream in = GoPprofAgreementTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
