package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import profcon.leakcheck.CheckThreadLeaks;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/** The walking skeleton end to end: attach to a real JVM, profile CPU, top, save, reload, detach cleanly. */
@CheckThreadLeaks
class LiveProfileIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void hotMethodIsOnTopAndNothingIsLeftBehind(String jdk) throws Exception {
        String home = TargetJvm.jdk(jdk);
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.Demo")) {
            Path saved = tmp.resolve("cpu.pb.gz");
            ConsoleRun live = ConsoleRun.of(Long.toString(target.pid()), "-c",
                    "profile cpu 4s; top5; save " + saved);

            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(live.firstTopRow()).contains("profcon.demo.Demo.hotLoop");
            assertThat(live.out()).doesNotContain("\u001b[");

            Profile reread = PprofReader.read(saved);
            assertThat(reread.sampleTypes()).extracting(Object::toString)
                    .containsExactly("samples/count", "cpu/nanoseconds");
            ConsoleRun offline = ConsoleRun.of(saved.toString(), "-c", "top5");
            assertThat(offline.out()).isEqualTo(live.out());

            String threads = TargetThreads.awaitNoProfconThreads(home, target.pid());
            assertThat(threads).contains("Full thread dump").doesNotContain("\"profcon-");
            assertThat(TargetThreads.jcmd(home, target.pid(), "JFR.check")).contains("No available recordings");
            assertThat(target.isAlive()).isTrue();
        }
    }
}
