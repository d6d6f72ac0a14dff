package profcon.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The recorded trace the reader and summary tests share: {@code trace 1s} of
 * {@code profcon.demo.MysterySlowdown} (8 request threads serialised on a monitor) on JDK 17, two
 * cores, a loaded machine. Re-record with {@code trace 1s FILE} against that demo.
 */
final class TraceFixtures {
    static final Path DIR = Path.of("src/test/resources/trace");
    static final Path MYSTERY_SLOWDOWN = DIR.resolve("mystery-slowdown-1s.jfr");

    private TraceFixtures() {
    }

    static Trace mysterySlowdown() throws IOException {
        return TraceReader.read(MYSTERY_SLOWDOWN);
    }
}
