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
    void tagsAsJsonSumTheSampleValuesPerLabel() throws Exception {
        String file = GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString();
        ConsoleRun run = ConsoleRun.of("--json", file, "-c", "tags");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // worker-1 carries 940ms of the fixture's 2220ms, as the text tags report shows.
        assertThat(run.out()).startsWith("{\"report\":\"tags\",\"sample_type\":\"cpu\"")
                .contains("\"thread\":{\"worker-1\":940000000,").contains("\"pool\":{\"worker\":2220000000}");
    }

    @Test
    void tracesAsJsonListEverySampleLeafFirst() throws Exception {
        String file = GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString();
        ConsoleRun run = ConsoleRun.of(file, "-c", "traces --json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"stack\":[\"profcon.demo.Demo.hotLoop\",\"profcon.demo.Demo.workForever\"");
        assertThat(run.out().split("\"value\":", -1)).hasSize(7); // the fixture's 6 samples
    }

    @Test
    void peekAndListAsJsonNameCallersAndLines() throws Exception {
        String file = GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString();
        ConsoleRun run = ConsoleRun.of("--json", file, "-c", "peek hotLoop; list hotLoop");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] reports = run.out().strip().split("\n");
        assertThat(reports[0]).startsWith("{\"report\":\"peek\"").contains("\"nodes\":[{\"name\":"
                + "\"profcon.demo.Demo.hotLoop\",\"flat\":2120000000,\"cum\":2120000000,\"callers\":[{\"name\":"
                + "\"profcon.demo.Demo.workForever\",\"weight\":2120000000}],\"callees\":[]}]");
        assertThat(reports[1]).startsWith("{\"report\":\"list\"")
                .contains("\"function\":\"profcon.demo.Demo.hotLoop\",\"file\":\"profcon/demo/Demo.java\"");
    }

    @Test
    void aJsonListWithNoMatchFailsLikeTheTextOne() throws Exception {
        String file = GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString();
        ConsoleRun run = ConsoleRun.of("--json", file, "-c", "list NoSuchFunction");
        assertThat(run.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
        assertThat(run.err()).contains("no matches found for regexp: NoSuchFunction");
    }
}
