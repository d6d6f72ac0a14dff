package profcon.push;

import java.io.IOException;
import java.util.Locale;

/** What a push run has done so far, for its last status line and for {@code info}. */
public final class PushStats {
    private final String endpoint;
    private final Spool spool;
    private long pushed;
    private long refused;
    private long lost;
    private String lastError = "";

    PushStats(String endpoint, Spool spool) {
        this.endpoint = endpoint;
        this.spool = spool;
    }

    void pushed() {
        pushed++;
    }

    void refused(String error) {
        refused++;
        lastError = error;
    }

    void lost(String error) {
        lost++;
        lastError = error;
    }

    void failed(String error) {
        lastError = error;
    }

    public long pushedCount() {
        return pushed;
    }

    /** The last failure, one line; empty before any. */
    public String lastError() {
        return lastError;
    }

    /** One line: pushed, waiting (with the spool's bounds), dropped at the bound, refused, lost, and the last error. */
    public String describe() {
        String waiting;
        try {
            waiting = String.format(Locale.ROOT, "%d waiting in %s (%,d bytes; bound %s)", spool.files(),
                    spool.directory(), spool.bytes(), spool.bounds());
        } catch (IOException e) {
            waiting = "spool unreadable (" + e.getMessage() + ")";
        }
        return String.format(Locale.ROOT, "%s: %d windows pushed, %s, %d dropped at the bound, %d refused "
                + "by the server, %d lost (spool write failed)%s", endpoint, pushed, waiting, spool.dropped(), refused, lost,
                lastError.isEmpty() ? "" : "; last error: " + lastError);
    }
}
