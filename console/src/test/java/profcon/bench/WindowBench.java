package profcon.bench;

import java.time.Duration;
import profcon.console.BusyWindow;

/**
 * How exactly a live profile holds its window, and how long the command takes: for each JDK given
 * and D = 1 s and 5 s, one busy thread's samples against D / 10 ms, the profile's duration, and the
 * wall time of the {@code profile} call (start, D, stop, transfer). Not a test: run by
 * {@code scripts/bench-window.sh}. Args: {@code JAVA_HOME...}.
 */
public final class WindowBench {
    private static final int RUNS = 3;

    private WindowBench() {
    }

    public static void main(String[] jdks) throws Exception {
        for (String jdk : jdks) {
            for (int seconds : new int[] {1, 5}) {
                for (int run = 1; run <= RUNS; run++) {
                    BusyWindow w = BusyWindow.measure(jdk, Duration.ofSeconds(seconds));
                    System.out.printf("%s  D=%ds  run %d: %s%n", jdk, seconds, run, w);
                }
            }
        }
    }
}
