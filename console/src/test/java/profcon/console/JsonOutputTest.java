package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --json}: top as one JSON object per report, with the same numbers as the text table. */
class JsonOutputTest {
    @Test
    void topAsJsonCarriesTheTextTablesNumbers() throws Exception {
        String file = GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString();
        ConsoleRun run = ConsoleRun.of("--json", file, "-c", "top2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 2120ms flat and 2220ms total, as go tool pprof prints them for this fixture.
        assertThat(run.out().strip()).isEqualTo("{\"report\":\"top\",\"sample_type\":\"cpu\",\"unit\":\"nanoseconds\","
                + "\"total\":2220000000,\"active_filters\":[],\"rows\":["
                + "{\"name\":\"profcon.demo.Demo.hotLoop\",\"flat\":2120000000,\"cum\":2120000000},"
                + "{\"name\":\"profcon.demo.Demo$Counter.increment\",\"flat\":100000000,\"cum\":100000000}]}");
    }

    @Test
    void aReportWithoutJsonFormSaysSo() throws Exception {
        String file = GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString();
        ConsoleRun run = ConsoleRun.of("--json", file, "-c", "traces");
        assertThat(run.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
        assertThat(run.err()).contains("--json: only top has a JSON form");
    }
}
