package profcon.push;

/** A push that did not land, in one line: the endpoint, and the HTTP status and server message or the network failure. */
public final class PushException extends Exception {
    private final boolean retryable;

    PushException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /**
     * False for a refusal the same bytes will meet again (a 4xx other than 408 and 429): spooling
     * them would only fill the spool. True for the network, timeouts and 5xx.
     */
    public boolean retryable() {
        return retryable;
    }
}
