package profcon.push;

/** Where pushed profiles go: a Pyroscope server or an OTLP/HTTP endpoint. */
public interface Sink {
    /** Sends one window's profile; a failure is one line. */
    void send(Window window) throws PushException;

    /** The endpoint, for status lines (no credentials, no query). */
    String describe();
}
