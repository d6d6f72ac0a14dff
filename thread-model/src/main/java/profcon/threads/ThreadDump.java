package profcon.threads;

import java.util.List;
import java.util.Map;

/**
 * A thread dump as the agent took it: how it was taken and what it cost (the header), every
 * thread, and the deadlock cycles found (thread ids, in wait-for order).
 */
public record ThreadDump(Map<String, String> header, List<DumpedThread> threads, List<List<Long>> deadlocks) {
    public ThreadDump {
        header = Map.copyOf(header);
        threads = List.copyOf(threads);
        deadlocks = List.copyOf(deadlocks);
    }

    /** {@code grouped} (no global safepoint) or {@code full} (one global safepoint). */
    public String view() {
        return header.getOrDefault("view", "grouped");
    }

    public String method() {
        return header.getOrDefault("method", "");
    }

    public String jdk() {
        return header.getOrDefault("jdk", "");
    }

    public long timeMillis() {
        return number("time_ms");
    }

    /** How long the dump took, in the agent. */
    public long tookNanos() {
        return number("took_ns");
    }

    /** The longest stall a probe thread in the target saw while the dump was taken; -1 if not measured. */
    public long stallNanos() {
        return number("stall_ns");
    }

    /** Full dumps: how long the stopping call itself took; -1 otherwise. */
    public long callNanos() {
        return number("call_ns");
    }

    /** JDK 17-20 grouped dumps: stacks read for this dump, and stacks kept from the previous one (-1: not said). */
    public long stacksRead() {
        return number("stacks_read");
    }

    public long stacksReused() {
        return number("stacks_reused");
    }

    public long platformCount() {
        return threads.stream().filter(t -> !t.virtual()).count();
    }

    public long virtualCount() {
        return threads.stream().filter(DumpedThread::virtual).count();
    }

    /** The thread with this id, or null. */
    public DumpedThread thread(long tid) {
        for (DumpedThread t : threads) {
            if (t.tid() == tid) {
                return t;
            }
        }
        return null;
    }

    private long number(String key) {
        try {
            return Long.parseLong(header.getOrDefault(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
