package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import profcon.console.Commands;
import profcon.console.Dispatcher;
import profcon.console.Session;

/**
 * explain offline, through the real dispatcher: a stock-style JFR recording of the mystery-slowdown
 * target (fixture made with {@code explain/explain-fixture.jfc}, see its comment), the shapes it allows,
 * those it cannot judge, and {@code expect finding=}.
 */
class ExplainOfflineTest {
    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            true);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry());

    private static String fixture() throws Exception {
        return Path.of(ExplainOfflineTest.class.getResource("/explain/mystery-slowdown.jfr").toURI()).toString();
    }

    @Test
    void aRecordingIsJudgedWithTheShapesItsDataAllows() throws Exception {
        String out = dispatcher.run("explain " + fixture(), session).orElseThrow(() -> new AssertionError(err));
        assertThat(out).contains("#1 lock-contention").contains("MysterySlowdown$Metrics.record (MysterySlowdown.java:")
                .contains("confirm:  peek Metrics.record")
                .contains("thread-leak (thread leak): needs two grouped thread snapshots")
                .contains("queues: 0.00 producers parked").contains("cpu-saturation");
        assertThat(dispatcher.execute("expect finding=lock-contention 'Metrics\\.record'", session)).as(err.toString())
                .isTrue();
        assertThat(dispatcher.execute("expect finding=deadlock", session)).isFalse();
        assertThat(err.toString()).contains("explain found no deadlock (it found: lock-contention");
    }

    @Test
    void jsonGivesTheFindingsAsData() throws Exception {
        String out = dispatcher.run("explain " + fixture() + " --json", session).orElseThrow();
        assertThat(out).startsWith("{\"source\":").contains("\"rank\":1,\"id\":\"lock-contention\"")
                .contains("\"next\":\"peek Metrics.record\"");
    }

    @Test
    void withoutTargetOrFileItSaysWhatToDo() throws Exception {
        assertThat(dispatcher.execute("explain", session)).isFalse();
        assertThat(err.toString()).contains("explain: no target");
        assertThat(dispatcher.execute("expect finding=lock-contention", session)).isFalse();
        assertThat(err.toString()).contains("no explain has run in this session");
    }
}
