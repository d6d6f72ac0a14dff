package profcon.threads;

import java.util.ArrayList;
import java.util.List;

/** The pause view's data: safepoints and garbage collections recorded over a window, from the agent's reply lines. */
public record PauseEvents(long windowNanos, List<Safepoint> safepoints, List<Collection> collections) {
    /** One safepoint: when, how long the target stood still, the VM operation(s), time to reach it, threads. */
    public record Safepoint(long startNanos, long pauseNanos, String operation, long syncNanos, int threads) {
    }

    /** One garbage collection: when, the sum of its pauses, collector, cause, longest pause. */
    public record Collection(long startNanos, long pausesNanos, String name, String cause, long longestNanos) {
    }

    public static PauseEvents parse(String text) throws ThreadDumpFormatException {
        long window = 0;
        List<Safepoint> safepoints = new ArrayList<>();
        List<Collection> collections = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                    case "W" -> window = Long.parseLong(f[1]);
                    case "S" -> safepoints.add(new Safepoint(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3],
                            Long.parseLong(f[4]), Integer.parseInt(f[5])));
                    case "G" -> collections.add(new Collection(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4],
                            Long.parseLong(f[5])));
                    default -> throw new IllegalArgumentException("unknown record " + f[0]);
                }
            } catch (RuntimeException e) {
                throw new ThreadDumpFormatException("reading the pause events: '" + line + "' is malformed ("
                        + e.getMessage() + ")");
            }
        }
        return new PauseEvents(window, safepoints, collections);
    }
}
