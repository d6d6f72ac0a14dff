package profcon.attach;

/** The target (or its agent) stopped answering: it exited, was killed, or the agent ended the session. */
public class TargetGoneException extends java.io.IOException {
    public TargetGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
