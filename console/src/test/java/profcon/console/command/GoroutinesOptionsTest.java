package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.console.CommandException;

/** The {@code label=} filter of {@code goroutines}: parsed through the declared flags, offered by Tab, checked. */
class GoroutinesOptionsTest {
    @Test
    void labelFilterIsDeclaredAndReachesTheQuery() throws Exception {
        GoroutinesOptions o = GoroutinesOptions.parse(GoroutinesOptions.FLAGS.parse(
                List.of("Export", "label=tenant=acme", "state=waiting")));

        assertThat(o.query().label()).isEqualTo("tenant=acme");
        assertThat(o.query().state()).isEqualTo("WAITING");
        assertThat(o.query().regex().pattern()).isEqualTo("Export");
        assertThat(o.query().describe()).isEqualTo("matching /Export/, in state WAITING, labelled tenant=acme");
        assertThat(GoroutinesOptions.FLAGS.completions()).contains("label=");
        assertThat(GoroutinesOptions.USAGE).contains("label=KEY[=VALUE]");
    }

    @Test
    void aLabelFilterWithoutAKeyIsRefused() {
        for (String bad : List.of("label=", "label==acme")) {
            assertThatThrownBy(() -> GoroutinesOptions.parse(GoroutinesOptions.FLAGS.parse(List.of(bad))))
                    .isInstanceOf(CommandException.class).hasMessageContaining("needs a key");
        }
    }
}
