package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.Commands;
import profcon.console.Dispatcher;
import profcon.console.Session;

/** {@code trace} and {@code load FILE.jfr trace} through the real dispatcher, offline: the recorded trace, expect, one-line errors. */
class TraceCommandTest {
    private static final Path FIXTURE = Path.of("src/test/resources/trace/mystery-slowdown-1s.jfr");
    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            false);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry());

    @TempDir
    Path tmp;

    @Test
    void aTraceLoadsAsATraceAndAsEveryProfileKindItHolds() throws Exception {
        String shown = dispatcher.run("load " + FIXTURE + " trace", session).orElseThrow();

        assertThat(shown).startsWith("trace mystery-slowdown-1s.jfr: ").contains("top lock: monitor of ");
        assertThat(session.trace()).isNotNull();
        assertThat(session.trace().threads()).anyMatch(t -> t.group().equals("request"));
        assertThat(dispatcher.execute("expect '(?m)^request\\s+8 '", session)).isTrue();
        assertThat(session.current().profile().sampleTypes()).anyMatch(t -> t.type().equals("cpu"));
        for (String kind : new String[] {"cpu", "lock", "block"}) {
            assertThat(dispatcher.execute("load " + FIXTURE + " " + kind, session)).as(kind).isTrue();
            assertThat(session.current().profile().samples()).as(kind).isNotEmpty();
        }
        assertThat(dispatcher.execute("expect top1 'MysterySlowdown\\$Metrics\\.record'", session)).isTrue();
        assertThat(session.trace()).as("a profile loaded after the trace is not the trace's").isNull();
    }

    @Test
    void mistakesAreOneLineEach() throws Exception {
        Path exists = Files.writeString(tmp.resolve("exists.jfr"), "x");
        String[][] cases = {
            {"trace", "usage: trace DURATION [FILE.jfr] [kind=KIND] [--force]"},
            {"trace soon", "usage: trace DURATION [FILE.jfr] [kind=KIND] [--force] ('soon' is not a duration (examples: 500ms, "
                    + "10s, 2m, 1h))"},
            {"trace 0s", "trace: DURATION must be more than 0 and at most 1m (a trace keeps every thread's events: for "
                    + "longer windows use 'profile')"},
            {"trace 61s", "trace: DURATION must be more than 0 and at most 1m (a trace keeps every thread's events: for "
                    + "longer windows use 'profile')"},
            {"trace 5s " + exists, "cannot write " + exists + ": it exists (add --force to overwrite it)"},
            {"trace 5s /no/such/dir/t.jfr", "cannot write /no/such/dir/t.jfr: not a writable file path"},
            {"trace 5s " + tmp.resolve("t.jfr"), "trace needs a target JVM: start profcon with a pid (profcon <pid>)"},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertThat(dispatcher.execute(c[0], session)).as(c[0]).isFalse();
            assertThat(err.toString().strip()).as(c[0]).isEqualTo(c[1]);
        }
    }
}
