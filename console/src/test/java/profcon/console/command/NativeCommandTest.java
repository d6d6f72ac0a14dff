package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import profcon.console.Commands;
import profcon.console.Dispatcher;
import profcon.console.Session;

/** {@code native off}: a runbook's own way to refuse native code, one way only. */
class NativeCommandTest {
    private final StringWriter err = new StringWriter();
    private final Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false,
            false);
    private final Dispatcher dispatcher = new Dispatcher(Commands.registry());

    @Test
    void offRefusesNativeCodeForTheRestOfTheSession() throws Exception {
        assertThat(dispatcher.run("native", session).orElseThrow()).startsWith("native code allowed");
        assertThat(session.nativePolicy().refused()).isFalse();

        assertThat(dispatcher.run("native off", session).orElseThrow()).startsWith("native code refused");
        assertThat(session.nativePolicy().refused()).isTrue();
        assertThat(dispatcher.run("native", session).orElseThrow()).startsWith("native code refused");
    }

    @Test
    void anythingButOffIsAUsageErrorThatChangesNothing() throws Exception {
        assertThat(dispatcher.execute("native on", session)).isFalse();
        assertThat(err.toString().strip()).isEqualTo("usage: native [off]");
        assertThat(session.nativePolicy().refused()).isFalse();
    }

    @Test
    void helpAndCompletionFindItInTheOneTable() throws Exception {
        assertThat(Commands.registry().find("native")).isPresent();
        assertThat(dispatcher.run("help native", session).orElseThrow()).contains("native [off]");
    }
}
