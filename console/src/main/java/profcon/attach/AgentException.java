package profcon.attach;

import java.io.IOException;

/** The agent refused a request; the message is its one-line reason. */
public final class AgentException extends IOException {
    public AgentException(String message) {
        super(message);
    }
}
