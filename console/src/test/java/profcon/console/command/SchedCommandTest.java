package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.Commands;
import profcon.console.Dispatcher;
import profcon.console.Session;

/** {@code sched} through the real dispatcher, offline: load and save of a recorded result, expect, and its one-line errors. */
class SchedCommandTest {
    private static final Path GOLDEN = Path.of("src/test/resources/sched/golden");
    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            false);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry());

    @TempDir
    Path tmp;

    @Test
    void aSavedResultLoadsSavesAgainAndAnswersExpect() throws Exception {
        Path json = GOLDEN.resolve("sched.pool.json");

        String shown = dispatcher.run("sched load " + json, session).orElseThrow();
        assertThat(shown).isEqualTo(Files.readString(GOLDEN.resolve("sched.pool.txt"), StandardCharsets.UTF_8));
        assertThat(dispatcher.run("sched load " + json + " by=thread", session).orElseThrow())
                .isEqualTo(Files.readString(GOLDEN.resolve("sched.by=thread.txt"), StandardCharsets.UTF_8));
        assertThat(dispatcher.execute("expect 'CPU-starved: pool worker, 6 threads'", session)).isTrue();
        assertThat(dispatcher.execute("expect sched load " + json + " 'CPU-starved: pool nobody'", session)).isFalse();

        Path copy = tmp.resolve("copy.json");
        assertThat(dispatcher.execute("sched save " + copy, session)).isTrue();
        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo(Files.readString(json,
                StandardCharsets.UTF_8));
        assertThat(dispatcher.run("sched load " + copy + " --json", session).orElseThrow())
                .isEqualTo(Files.readString(json, StandardCharsets.UTF_8));
    }

    @Test
    void mistakesAreOneLineEach() throws Exception {
        Files.writeString(tmp.resolve("bad.json"), "{\"window_ns\": 5}");
        Files.writeString(tmp.resolve("cut.json"), "{\"window_ns\": 5, \"budg");
        String[][] cases = {
            {"sched", "usage: sched DURATION|save FILE.json|load FILE.json [by=thread] [--json]"},
            {"sched 0s", "sched: DURATION must be more than 0 and at most 10m"},
            {"sched 5s", "sched needs a target JVM: start profcon with a pid (profcon <pid>)"},
            {"sched 5s by=core", "sched: by= takes thread or pool, got 'core'"},
            {"sched save " + tmp.resolve("x.json"), "sched save: no sched result yet: run 'sched 5s' or 'sched load FILE' first"},
            {"sched load " + tmp.resolve("bad.json"), tmp.resolve("bad.json") + ": not a sched result: no \"budget\" object"},
            {"sched load " + tmp.resolve("cut.json"), tmp.resolve("cut.json") + ": malformed JSON at offset 22: unterminated string"},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertThat(dispatcher.execute(c[0], session)).as(c[0]).isFalse();
            assertThat(err.toString().strip()).as(c[0]).isEqualTo(c[1]);
        }
    }
}
