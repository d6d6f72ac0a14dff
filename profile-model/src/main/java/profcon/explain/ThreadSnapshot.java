package profcon.explain;

import java.util.List;
import java.util.Map;

/**
 * A grouped thread snapshot as the rules read it: threads grouped by identical stack, and the
 * deadlock cycles the agent found. Made by the console from the agent's grouped dump, so the rules
 * depend on no dump format.
 */
public record ThreadSnapshot(long timeMillis, int threads, List<Group> groups, List<Cycle> deadlocks) {
    public ThreadSnapshot {
        groups = List.copyOf(groups);
        deadlocks = List.copyOf(deadlocks);
    }

    /**
     * Threads with one identical stack: {@code key} identifies the stack across snapshots,
     * {@code culprit}/{@code location} its first application frame, {@code top} its leaf function,
     * {@code lock} what they wait for ("" when nothing), {@code states} thread state to count,
     * {@code virtual} how many of them are virtual threads.
     */
    public record Group(String key, String culprit, String location, String top, int count,
                        Map<String, Integer> states, String lock, int virtual) {
        public Group {
            states = Map.copyOf(states);
            lock = lock == null ? "" : lock;
        }

        /** A group of platform threads only. */
        public Group(String key, String culprit, String location, String top, int count, Map<String, Integer> states,
                     String lock) {
            this(key, culprit, location, top, count, states, lock, 0);
        }

        /** Threads of the group blocked or waiting (not runnable). */
        public int idle() {
            return count - states.getOrDefault("RUNNABLE", 0);
        }
    }

    /** One deadlock: each thread of the cycle as "name waits for LOCK held by NAME at FRAME". */
    public record Cycle(List<String> threads, String culprit, String location) {
        public Cycle {
            threads = List.copyOf(threads);
        }
    }

    /** Threads running (RUNNABLE) with their first application frame in this class. */
    public int runnableIn(String className) {
        return groups.stream().filter(g -> g.culprit().startsWith(className + "."))
                .mapToInt(g -> g.states().getOrDefault("RUNNABLE", 0)).sum();
    }

    /** The group with this key, or null. */
    public Group group(String key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElse(null);
    }
}
