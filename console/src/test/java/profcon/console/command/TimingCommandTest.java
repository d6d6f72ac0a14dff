package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import profcon.agent.profile.MethodFilter;
import profcon.console.Commands;
import profcon.console.Dispatcher;
import profcon.console.Session;

/** What {@code timing} refuses before it needs a target: one line each, through the real dispatcher. */
class TimingCommandTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timing                               | usage: timing FILTER DURATION",
            "timing com.acme.Cart                 | usage: timing FILTER DURATION",
            "timing java.* 10s                    | JFR method filters take no wildcards",
            "timing ::run 10s                     | names that method in every class",
            "timing com.acme.Cart 6m              | at most 5m",
            "timing com.acme.Cart 0s              | more than 0",
            "timing com.acme.Cart::checkout 10s   | timing needs a target JVM",
            "profile timing 10s filter=a.B        | use 'timing FILTER DURATION'"})
    void refusesInOneLine(String line, String reason) throws Exception {
        StringWriter err = new StringWriter();
        Session session = new Session(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), false, false);
        assertThat(new Dispatcher(Commands.registry()).execute(line, session)).isFalse();
        assertThat(err.toString()).contains(reason).hasLineCount(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.acme.Cart::checkout     | com.acme.Cart.checkout",
            "com.acme.Cart;com.acme.Db   | com.acme.Cart",
            "@jakarta.ws.rs.GET          | GET"})
    void suggestsAFocusForTheWallProfile(String filter, String focus) {
        assertThat(TimingCommand.focus(MethodFilter.parse(filter))).isEqualTo(focus);
    }
}
