package profcon.threads;

/** A thread dump that cannot be read; the message says which and where. */
public final class ThreadDumpFormatException extends Exception {
    public ThreadDumpFormatException(String message) {
        super(message);
    }
}
