package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code profile cpu 3s} holds exactly 3 s of samples on every JDK: one busy thread sampled every
 * 10 ms gives at most 300 samples. (JDK 17 used to give 30 % more: its stream kept what was
 * recorded while the agent waited for JFR's flushes after the stop.)
 */
class ExactWindowIT {
    private static final Duration D = Duration.ofSeconds(3);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void oneBusyThreadGivesOneSamplePerPeriodOfTheWindow(String jdk) throws Exception {
        BusyWindow w = BusyWindow.measure(TargetJvm.jdk(jdk), D);
        System.out.println(jdk + ": " + w);

        // The console's timer can overrun D a little on a loaded machine; the window is then that long.
        assertThat(w.profileDuration()).as("the profile's duration is the window asked for")
                .isBetween(D.minusMillis(50), D.plusSeconds(1));
        long perWindow = w.profileDuration().toNanos() / BusyWindow.PERIOD.toNanos();
        assertThat(w.samples()).as(w.toString()).isLessThanOrEqualTo(Math.round(1.03 * w.expected()))
                .isLessThanOrEqualTo(Math.round(1.03 * perWindow));
        // Not >= 97 %: JFR suspends a thread with a signal to sample it, and a busy thread kept off
        // the CPU by other load is then skipped. On this 2-core machine shared with other builds,
        // 70-93 % was seen (load average 8 to 40), so only an empty or halved window fails here.
        assertThat(w.samples()).as(w.toString()).isGreaterThanOrEqualTo(w.expected() / 2);
    }
}
