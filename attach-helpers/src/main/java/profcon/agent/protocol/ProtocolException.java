package profcon.agent.protocol;

import java.io.IOException;

/** A reply or greeting that does not read as the protocol says: a peer from another build, or a bug. */
public final class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }
}
