package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import profcon.attach.AttachedJvm;

/**
 * The interactive side of the pause rule, on a real target: an interactive session asks before
 * {@code goroutines -full}; "no" leaves the target alone, "yes" runs it. The answer comes from a
 * {@link Confirmer} standing in for the person at the prompt (the REPL's JLine reader in real use).
 */
class PausePromptIT {
    @ParameterizedTest(name = "answer {0}")
    @CsvSource({"false, cancelled: target", "true, measured pause"})
    void interactiveSessionAsksBeforeStoppingTheTarget(boolean answer, String expected) throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.ManyThreadsNoWork", "--threads=20")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Session session = new Session(new PrintWriter(out, true), new PrintWriter(err, true), true, false);
            List<String> questions = new ArrayList<>();
            session.confirmer(q -> {
                questions.add(q);
                return answer;
            });
            session.target(new Target(AttachedJvm.attach(target.pid()), null));
            try {
                boolean ok = new Dispatcher(Commands.registry()).execute("goroutines -full", session);

                assertThat(ok).isEqualTo(answer);
                assertThat(questions).singleElement().asString().matches("Stop target \\d+ for about \\d+\\.\\d ms\\?");
                assertThat(err.toString()).contains("estimated pause:").contains(expected);
                assertThat(out.toString().contains("Pause: the stopping call took")).isEqualTo(answer);
            } finally {
                session.detach();
            }
        }
    }
}
