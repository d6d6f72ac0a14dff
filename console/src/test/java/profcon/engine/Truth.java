package profcon.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CpuShares' ground truth over a window: its {@code --truth=FILE} holds, every 100 ms, the
 * cumulative CPU time of its a and b tasks ({@code epoch-ms a-ns b-ns a-tasks b-tasks}); the
 * share of a in a window is the growth of a over the growth of both between the lines nearest its ends.
 */
record Truth(double aShare, long aNanos, long bNanos) {
    static Truth over(Path file, long fromEpochMs, long toEpochMs) throws IOException {
        List<long[]> rows = rows(file);
        long[] first = nearest(rows, fromEpochMs);
        long[] last = nearest(rows, toEpochMs);
        long a = last[1] - first[1];
        long b = last[2] - first[2];
        return new Truth(a / (double) (a + b), a, b);
    }

    /** Waits (up to a minute: the target may be starved) until the file has a line at or past {@code epochMs}. */
    static void awaitLinePast(Path file, long epochMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (rows(file).stream().noneMatch(r -> r[0] >= epochMs)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no truth line past " + epochMs + " in " + file + " within a minute");
            }
            Thread.sleep(50); // polling the file the target appends to every 100 ms
        }
    }

    /** Waits (up to a minute) until the tasks have used {@code nanos} more CPU time than when this was called. */
    static void awaitTaskTime(Path file, long nanos) throws IOException, InterruptedException {
        long goal = spent(file) + nanos;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (spent(file) < goal) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the tasks did not use " + nanos + " ns of CPU within a minute (" + file + ")");
            }
            Thread.sleep(50); // polling the file the target appends to every 100 ms
        }
    }

    /** a and b task time so far: the last line's total, 0 before the first. */
    private static long spent(Path file) throws IOException {
        List<long[]> rows = rows(file);
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1)[1] + rows.get(rows.size() - 1)[2];
    }

    /** The file's complete lines as numbers, header and blank lines left out. */
    private static List<long[]> rows(Path file) throws IOException {
        String text = Files.readString(file);
        // the target appends while we read: a last line without its newline is still being written
        text = text.substring(0, text.lastIndexOf('\n') + 1);
        return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.trim().split("\\s+")).mapToLong(Long::parseLong).toArray()).toList();
    }

    private static long[] nearest(List<long[]> rows, long epochMs) {
        long[] best = rows.get(0);
        for (long[] r : rows) {
            if (Math.abs(r[0] - epochMs) < Math.abs(best[0] - epochMs)) {
                best = r;
            }
        }
        return best;
    }
}
