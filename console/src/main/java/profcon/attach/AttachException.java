package profcon.attach;

/** A target that cannot be attached; the message says why and, where there is one, what to do. */
public class AttachException extends Exception {
    public AttachException(String message) {
        super(message);
    }

    public AttachException(String message, Throwable cause) {
        super(message, cause);
    }
}
