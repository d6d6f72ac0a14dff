package profcon.sched;

import java.io.IOException;

/** {@code sched} cannot measure here (not Linux, {@code /proc} unreadable): the message is the one line to print. */
public final class SchedUnavailableException extends IOException {
    public SchedUnavailableException(String message) {
        super(message);
    }
}
