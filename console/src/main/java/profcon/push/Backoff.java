package profcon.push;

import java.time.Duration;

/**
 * When to try a failing server again: after each failure the wait doubles, from {@link #FIRST}
 * to at most {@link #MAX}; a success resets it. Windows that come while it waits go to the spool
 * without a request, so a server that is down is not hammered by every pod at once.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(5);
    private Duration wait = Duration.ZERO;
    private long nextTry = System.nanoTime();

    boolean ready() {
        return System.nanoTime() - nextTry >= 0;
    }

    void failure() {
        wait = wait.isZero() ? FIRST : wait.multipliedBy(2);
        if (wait.compareTo(MAX) > 0) {
            wait = MAX;
        }
        nextTry = System.nanoTime() + wait.toNanos();
    }

    void success() {
        wait = Duration.ZERO;
        nextTry = System.nanoTime();
    }

    Duration current() {
        return wait;
    }
}
