package profcon.trace;

/**
 * A stop of every Java thread inside the window, in nanoseconds since the trace's start: {@code kind}
 * is {@code gc} or {@code safepoint}, {@code cause} the collector and its cause or the VM operation.
 */
public record TracePause(long startNanos, long endNanos, String kind, String cause) {
    public long lengthNanos() {
        return endNanos - startNanos;
    }
}
