package profcon.push;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gets each window to the sink in collection order: waiting windows from the spool first, then
 * the new one; while the server fails (or its backoff runs) new windows go to the spool. Every
 * failure is one status line and the caller goes on collecting.
 */
public final class Delivery {
    private final Sink sink;
    private final Spool spool;
    private final Backoff backoff = new Backoff();
    private final PushStats stats;
    private final Consumer<String> status;

    public Delivery(Sink sink, Spool spool, Consumer<String> status) {
        this.sink = sink;
        this.spool = spool;
        this.stats = new PushStats(sink.describe(), spool);
        this.status = status;
    }

    public PushStats stats() {
        return stats;
    }

    public void deliver(Window w) {
        if (!backoff.ready()) {
            spool(w, "server failing; next try in " + backoff.current().toSeconds() + " s");
        } else if (!drain()) {
            spool(w, stats.lastError() + "; next try in " + backoff.current().toSeconds() + " s");
        } else {
            send(w);
        }
    }

    /** Sends the waiting windows, oldest first; false when the server failed ({@link PushStats#lastError}) and some are left. */
    public boolean drain() {
        try {
            for (Optional<Spool.Entry> e = spool.oldest(); e.isPresent(); e = spool.oldest()) {
                if (!sendWaiting(e.get())) {
                    return false;
                }
            }
            return true;
        } catch (IOException ex) {
            // a broken spool must not hold new windows back from a server that works
            status.accept("push: cannot read the spool " + spool.directory() + " (" + Spool.why(ex) + "); sending new "
                    + "windows directly");
            return true;
        }
    }

    private boolean sendWaiting(Spool.Entry e) throws IOException {
        Window w;
        try {
            w = spool.read(e);
        } catch (IOException unreadable) {
            stats.lost("spooled " + e.file().getFileName() + " unreadable: " + unreadable.getMessage());
            status.accept("push: dropping unreadable " + e.file() + ": " + unreadable.getMessage());
            spool.remove(e);
            return true;
        }
        if (attempt(w, "dropped from the spool") != null) {
            return false;
        }
        spool.remove(e);
        return true;
    }

    private void send(Window w) {
        PushException failed = attempt(w, "not retried");
        if (failed != null) {
            spool(w, failed.getMessage() + "; next try in " + backoff.current().toSeconds() + " s");
        }
    }

    /**
     * One try at the server, counted: null when the window went, or when the server refused it for good
     * (said, ending with {@code refusedFate}); the failure when a later try may succeed.
     */
    private PushException attempt(Window w, String refusedFate) {
        try {
            sink.send(w);
            stats.pushed();
            backoff.success();
            return null;
        } catch (PushException failed) {
            if (failed.retryable()) {
                backoff.failure();
                stats.failed(failed.getMessage());
                return failed;
            }
            stats.refused(failed.getMessage());
            status.accept(failed.getMessage() + "; the server refuses this window, " + refusedFate);
            return null;
        }
    }

    /** Spools the window and says so in one line, with why and what the bound dropped. */
    private void spool(Window w, String why) {
        long droppedBefore = spool.dropped();
        try {
            spool.add(w);
        } catch (IOException e) {
            stats.lost("cannot spool: " + Spool.why(e));
            status.accept(why + "; cannot spool the " + w.kind() + " window (" + Spool.why(e) + "): it is lost, "
                    + "collection goes on");
            return;
        }
        long dropped = spool.dropped() - droppedBefore;
        status.accept(why + "; " + w.kind() + " window spooled"
                + (dropped > 0 ? "; spool at its bound (" + spool.bounds() + "): dropped the " + dropped + " oldest, "
                + spool.dropped() + " so far" : ""));
    }
}
