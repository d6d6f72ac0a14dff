package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff_base/base in the console: the file is read once per setting, and a .jfr recording works as a base. */
class BaseProfileTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            false);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry());

    private String run(String line) throws Exception {
        return dispatcher.run(line, session).orElseThrow(() -> new AssertionError(line + ": " + err));
    }

    @Test
    void theBaseFileIsReadOnceUntilTheSettingIsSetAgain() throws Exception {
        Path fixture = GoPprofAgreementTest.fixture("demo-cpu.pb.gz");
        Path base = Files.copy(fixture, tmp.resolve("base.pb.gz"));
        run("load " + fixture);
        run("diff_base=" + base);
        String first = run("top3");
        Files.delete(base);

        assertThat(run("top3")).as("the second report uses the base read for the first").isEqualTo(first)
                .contains("Showing nodes accounting for 0, 0% of 2.22s total");
        assertThat(dispatcher.execute("diff_base=" + base, session)).isTrue();
        assertThat(dispatcher.execute("top3", session)).as("set again: read again, and the file is gone").isFalse();
        assertThat(err.toString()).contains("base.pb.gz");
    }

    @Test
    void aJfrRecordingIsABaseAsFileColonKind() throws Exception {
        Path recording = record(tmp.resolve("busy.jfr"));
        run("load " + recording);
        String alone = run("top3");
        run("diff_base=" + recording + ":cpu");
        String diff = run("top3");

        assertThat(alone).doesNotContain("accounting for 0, 0%");
        assertThat(diff).contains("Showing nodes accounting for 0, 0% of");
        run("diff_base=" + recording); // without :KIND, the kind 'load' would show (cpu)
        assertThat(run("top3")).isEqualTo(diff);
        assertThat(dispatcher.execute("diff_base=" + recording + ":lock", session)).isTrue();
        assertThat(dispatcher.execute("top3", session)).isFalse();
        assertThat(err.toString()).contains("no lock events in");
    }

    /** A JFR recording of this JVM burning CPU for a second: execution samples of a known method. */
    private static Path record(Path file) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            long sink = 0;
            for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; ) {
                sink += burn(sink);
            }
            r.stop();
            r.dump(file);
            assertThat(sink).isNotZero();
        }
        return file;
    }

    private static long burn(long seed) {
        long x = seed | 1;
        for (int i = 0; i < 10_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
