package profcon.leakcheck;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time between a check's snapshot and its verification. Two windows that overlap in one JVM
 * would each see the other's threads (a false leak) or miss them, so both fail with a message
 * saying so, whatever the configuration said.
 */
final class CheckWindow {
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final AtomicLong OVERLAPS = new AtomicLong();

    private final long overlapsAtOpen;

    private CheckWindow(long overlapsAtOpen) {
        this.overlapsAtOpen = overlapsAtOpen;
    }

    static CheckWindow open() {
        long seen = OVERLAPS.get();
        if (OPEN.getAndIncrement() > 0) {
            OVERLAPS.incrementAndGet();
        }
        return new CheckWindow(seen);
    }

    /** Throws when another check ran at the same time as this one. */
    void close(String what) {
        OPEN.decrementAndGet();
        if (OVERLAPS.get() != overlapsAtOpen) {
            throw new IllegalStateException("profcon-leakcheck cannot check " + what + ": another thread-leak check "
                    + "ran at the same time in this JVM (tests or classes running in parallel), so neither result "
                    + "would be true. Run the checked tests sequentially, or use @CheckThreadLeaks(scope = CLASS) "
                    + "with classes run one at a time (junit.jupiter.execution.parallel.mode.classes.default "
                    + "= same_thread).");
        }
    }
}
