package profcon.bench;

import java.time.Duration;
import profcon.console.BusyWindow;

/**
 * How exactly a live profile holds its window, and how long the command takes: for each JDK given
 * and D = 1 s and 5 s, one busy thread's samples against D / 10 ms, the profile's duration, and the
 * wall time of the {@code profile} call (start, D, stop, transfer), on a target whose JFR is cold
 * (its first profile: JFR starts up) and warm (a second profile). Not a test: run by
 * {@code scripts/bench-window.sh}. Args: {@code JAVA_HOME...}.
 */
public final class WindowBench {
    private static final int RUNS = 2;

    private WindowBench() {
    }

    public static void main(String[] jdks) throws Exception {
        for (String jdk : jdks) {
            for (int seconds : new int[] {1, 5}) {
                for (int run = 1; run <= RUNS; run++) {
                    for (boolean warm : new boolean[] {false, true}) {
                        BusyWindow w = BusyWindow.measure(jdk, Duration.ofSeconds(seconds), warm);
                        System.out.printf("%s  D=%ds  run %d %s: %s%n", jdk, seconds, run,
                                warm ? "JFR warm" : "JFR cold", w);
                    }
                }
            }
        }
    }
}
