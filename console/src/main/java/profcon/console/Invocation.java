package profcon.console;

import java.io.PrintWriter;

/**
 * One run of a command: its parsed arguments, where its output goes (the screen, a {@code >FILE},
 * a capture), the shared session state it may read and change, and the dispatcher that ran it
 * (for commands about commands: help, expect, debug).
 */
public record Invocation(Arguments args, PrintWriter out, Session session, Dispatcher dispatcher) {
    /** Errors and warnings, never captured with the output. */
    public PrintWriter err() {
        return session.err();
    }

    /** A status line (what was collected, what was saved): to stderr, styled. */
    public void status(String line) {
        session.status(line);
    }
}
