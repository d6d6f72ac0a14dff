package profcon.sched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The recorded {@code /proc} and cgroup files of a real window (scripts/capture-sched-fixtures.sh:
 * TailLatency with 6 workers pinned to CPU 0, in a cgroup v1 with a quota of half a CPU), read
 * through the real probe, with the window's length as recorded, so reports are reproducible.
 */
final class SchedFixtures {
    static final Path DIR = Path.of("src/test/resources/sched");

    private SchedFixtures() {
    }

    static long pid() throws IOException {
        return Long.parseLong(Files.readString(DIR.resolve("pid.txt")).strip());
    }

    static SchedProbe probe(String when) throws IOException {
        return SchedProbe.of(DIR.resolve(when).resolve("proc"), DIR.resolve(when).resolve("cgroup"), pid());
    }

    static SchedReading reading(String when, long nanoTime) throws IOException {
        SchedReading r = probe(when).read();
        return new SchedReading(nanoTime, r.tasks(), r.machine(), r.throttling());
    }

    static Map<Long, ThreadIdentity> ids() throws IOException {
        return ThreadIdentity.parse(Files.readAllBytes(DIR.resolve("thread-ids.txt")));
    }

    /** The recorded window as {@code sched} would have shown it, on a JVM that counted 1 processor. */
    static SchedResult result() throws IOException {
        return SchedWindow.between(reading("start", clock("start")), reading("end", clock("end")), ids(),
                probe("end").budget(1));
    }

    /** When the script began each snapshot: the recorded window's true length, whatever the machine's load. */
    private static long clock(String when) throws IOException {
        return Long.parseLong(Files.readString(DIR.resolve(when).resolve("clock_ns")).strip());
    }
}
