package profcon.report;

/** A user error in a report command or setting; the message is one line meant for the user. */
public class ReportException extends Exception {
    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
