package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code histogram} and {@code heapdump} on real targets: refused in scripts without --yes, run and measured with it. */
class HeapOperationsIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void heapOperationsAreGuardedAndMeasured(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ManyThreadsNoWork", "--threads=50")) {
            String pid = Long.toString(target.pid());
            Path hprof = tmp.resolve("heap.hprof");

            ConsoleRun refused = ConsoleRun.of(pid, "-c", "heapdump " + hprof);
            assertThat(refused.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
            assertThat(refused.err()).contains("refused: heapdump would pause target").contains("--yes");
            assertThat(hprof).doesNotExist();

            ConsoleRun run = ConsoleRun.of(pid, "--yes", "-c", "histogram 5; heapdump " + hprof);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).containsPattern("histogram: measured pause \\d+\\.\\d ms")
                    .containsPattern("heapdump: measured pause \\d+\\.\\d ms")
                    .contains("heap dump (live objects) written to " + hprof);
            assertThat(run.out()).contains("#instances").containsPattern("(?m)^Total +\\d+ +\\d+");
            try (InputStream in = Files.newInputStream(hprof)) {
                assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("JAVA PROFILE");
            }
        }
    }
}
